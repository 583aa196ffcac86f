import type { Database } from 'better-sqlite3';
import { HazardEvent } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { CheckpointedConsumer } from '../checkpointed-consumer';
import { upcastHazardEvent } from '../hazards/hazard-upcaster';
import { projectHazardEvent } from '../hazards/hazard.projection';
import { applyChanges, loadHazardRow } from './read-model-store';
import { LIVE_TABLES, READ_MODELS_CONSUMER, ReadModelTables } from './read-model-schema';

const HAZARD_STREAM = /^hazard-(.+)$/;

/** The hazard id of an event of a hazard stream; undefined for any other stream of the log. */
export function hazardIdOf(event: Pick<RecordedEvent, 'streamId'>): string | undefined {
  return HAZARD_STREAM.exec(event.streamId)?.[1];
}

/** Applies events of the global log to one generation of the read-model tables. Synchronous, for a transaction. */
export function applyToReadModels(db: Database, tables: ReadModelTables, events: readonly RecordedEvent[]): void {
  for (const recorded of events) {
    const hazardId = hazardIdOf(recorded);
    if (!hazardId) continue;
    const event = upcastHazardEvent(recorded) as unknown as HazardEvent;
    const at = { position: recorded.position, revision: recorded.revision, occurredAt: recorded.metadata.occurredAt };
    applyChanges(db, tables, projectHazardEvent(loadHazardRow(db, tables, hazardId), event, at));
  }
}

/** The projector's consumer: every read-model table under one checkpoint, so they always agree with each other. */
export const readModelConsumer: CheckpointedConsumer = {
  name: READ_MODELS_CONSUMER,
  apply: (events, db) => applyToReadModels(db, LIVE_TABLES, events),
};
