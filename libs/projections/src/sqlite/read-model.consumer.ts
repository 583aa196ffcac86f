import type { Database } from 'better-sqlite3';
import { hazardDecoder } from '@hazard/domain';
import { CheckpointedConsumer, RecordedEvent } from '@hazard/event-store';
import { applyTipEvent } from '../tips/tip-read-model';
import { projectHazardEvent } from '../hazards/hazard.projection';
import { applyChanges, loadHazardRow } from './read-model-store';
import { applyFilingEvent } from '../reports/filings.store';
import { applyStatisticsFacts } from '../reports/statistics-facts.store';
import { applyHazardFinding, applyUnitEvent } from '../units/unit-registry.store';
import { LIVE_TABLES, READ_MODELS_CONSUMER, ReadModelTables } from './read-model-schema';

/** Applies events of the global log to one generation of the read-model tables. Synchronous, for a transaction. */
export function applyToReadModels(db: Database, tables: ReadModelTables, events: readonly RecordedEvent[]): void {
  for (const recorded of events) {
    applyFilingEvent(db, tables, recorded);
    applyUnitEvent(db, tables, recorded);
    applyTipEvent(db, tables, recorded);
    const hazardId = hazardDecoder.idOf(recorded.streamId);
    const event = hazardId === undefined ? undefined : hazardDecoder.decode(recorded);
    if (hazardId === undefined || !event) continue;
    const at = { position: recorded.position, revision: recorded.revision, occurredAt: recorded.metadata.occurredAt };
    applyChanges(db, tables, projectHazardEvent(loadHazardRow(db, tables, hazardId), event, at));
    applyStatisticsFacts(db, tables, hazardId, recorded); // foldCycleFacts: the same fold a recomputation runs
    applyHazardFinding(db, tables, hazardId, event, recorded);
  }
}

/** The projector's consumer: every read-model table under one checkpoint, so they always agree with each other. */
export const readModelConsumer: CheckpointedConsumer = {
  name: READ_MODELS_CONSUMER,
  apply: (events, db) => applyToReadModels(db, LIVE_TABLES, events),
};
