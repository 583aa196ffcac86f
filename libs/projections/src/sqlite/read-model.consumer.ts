import type { Database } from 'better-sqlite3';
import { hazardDecoder } from '@hazard/domain';
import { CheckpointedConsumer, RecordedEvent } from '@hazard/event-store';
import { applyTipEvent } from '../tips/tip-read-model';
import { projectHazardEvent } from '../hazards/hazard.projection';
import { applyChangesButRow } from './read-model-store';
import { HazardPage } from './hazard-page';
import { applyFilingEvent } from '../reports/filings.store';
import { foldCycleFacts } from '../statistics/cycle-facts';
import { applyHazardFinding, applyUnitEvent } from '../units/unit-registry.store';
import { LIVE_TABLES, READ_MODELS_CONSUMER, ReadModelTables } from './read-model-schema';

/**
 * Applies events of the global log to one generation of the read-model tables. Synchronous, for a
 * transaction. Hazard rows and statistics facts are folded in memory across the batch (HazardPage) and
 * written once each at its end, or later for a page that keeps them (a rebuild); the other tables take each
 * event's change as it comes.
 */
export function applyToReadModels(db: Database, tables: ReadModelTables, events: readonly RecordedEvent[], page = new HazardPage(db, tables)): void {
  for (const recorded of events) {
    applyFilingEvent(db, tables, recorded);
    applyUnitEvent(db, tables, recorded);
    applyTipEvent(db, tables, recorded);
    const hazardId = hazardDecoder.idOf(recorded.streamId);
    const event = hazardId === undefined ? undefined : hazardDecoder.decode(recorded);
    if (hazardId === undefined || !event) continue;
    const at = { position: recorded.position, revision: recorded.revision, occurredAt: recorded.metadata.occurredAt };
    const changes = projectHazardEvent(page.row(hazardId), event, at);
    for (const change of changes) if (change.kind === 'hazard') page.setRow(change.row);
    applyChangesButRow(db, tables, changes);
    // foldCycleFacts: the same fold a recomputation runs
    const facts = page.factsOf(hazardId);
    const folded = foldCycleFacts(facts, recorded);
    if (folded !== undefined && folded !== facts) page.setFacts(folded);
    applyHazardFinding(db, tables, hazardId, event, recorded);
  }
  page.endBatch();
}

/** The projector's consumer: every read-model table under one checkpoint, so they always agree with each other. */
export const readModelConsumer: CheckpointedConsumer = {
  name: READ_MODELS_CONSUMER,
  apply: (events, db) => applyToReadModels(db, LIVE_TABLES, events),
};
