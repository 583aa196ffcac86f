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
import { UnitPage } from '../units/unit-page';
import { LIVE_TABLES, READ_MODELS_CONSUMER, ReadModelTables } from './read-model-schema';

/**
 * Applies events of the global log to one generation of the read-model tables. Synchronous, for a
 * transaction. Hazard rows, statistics facts and unit registry rows are folded in memory across the batch
 * (HazardPage, UnitPage) and written once each at its end, or later for pages that keep them (a rebuild); the
 * other tables take each event's change as it comes.
 */
export function applyToReadModels(db: Database, tables: ReadModelTables, events: readonly RecordedEvent[], held = heldRows(db, tables)): void {
  const page = held.hazards;
  for (const recorded of events) {
    applyFilingEvent(db, tables, recorded);
    applyUnitEvent(db, tables, recorded, held.units);
    applyTipEvent(db, tables, recorded);
    const hazardId = hazardDecoder.idOf(recorded.streamId);
    const event = hazardId === undefined ? undefined : hazardDecoder.decode(recorded);
    if (hazardId === undefined || !event) continue;
    const at = { position: recorded.position, revision: recorded.revision, occurredAt: recorded.metadata.occurredAt };
    const changes = projectHazardEvent(page.row(hazardId), event, at);
    for (const change of changes) if (change.kind === 'hazard') page.setRow(change.row);
    applyChangesButRow(db, tables, changes, page);
    // foldCycleFacts: the same fold a recomputation runs
    const facts = page.factsOf(hazardId);
    const folded = foldCycleFacts(facts, recorded);
    if (folded !== undefined && folded !== facts) page.setFacts(folded);
    applyHazardFinding(db, tables, hazardId, event, recorded);
  }
  page.endBatch();
  held.units.endBatch();
}

/** The rows folded in memory across a batch (and, for a rebuild, across batches), written once each. */
export interface HeldRows {
  readonly hazards: HazardPage;
  readonly units: UnitPage;
}

/**
 * Held rows for one batch each (the projector), or — for a rebuild's fresh tables, which nothing else writes —
 * kept across batches up to those numbers.
 */
export function heldRows(db: Database, tables: ReadModelTables, keep?: { readonly hazards: number; readonly units: number }): HeldRows {
  if (!keep) return { hazards: new HazardPage(db, tables), units: new UnitPage(db, tables) };
  return { hazards: new HazardPage(db, tables, keep.hazards, true), units: new UnitPage(db, tables, keep.units) };
}

/** The projector's consumer: every read-model table under one checkpoint, so they always agree with each other. */
export const readModelConsumer: CheckpointedConsumer = {
  name: READ_MODELS_CONSUMER,
  apply: (events, db) => applyToReadModels(db, LIVE_TABLES, events),
};
