import Database from 'better-sqlite3';
import { createDecoder, HAZARD_EVENT_TYPES, HAZARD_UPCASTERS, HazardEvent } from '@hazard/domain';
import { commitBatch, RecordedEvent } from '@hazard/event-store';
import { AFTER_DEADLINE, DEADLINE, HAZARD_ID } from '../../../../../libs/domain/src/testing/hazard.mother';
import { deadlineTable, deadlineTableConsumer, dueDeadlines } from './deadline-table';

/**
 * The deadline table reads assignments through the hazard's decoder, never the stored JSON as it is. A
 * future schema change is simulated here: RectificationAssigned v1 called the deadline `dueBy`, and an
 * upcaster to v2 renames it. Only a reader that upcasts sees the deadline and owes its MarkOverdue.
 */
const RENAMED_DEADLINE = { eventType: 'RectificationAssigned', fromVersion: 1, up: (data: unknown) => renameDueBy(data as Record<string, unknown>) };

function renameDueBy({ dueBy, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return { ...rest, deadline: dueBy };
}

const decoderWithV2Assignments = createDecoder<HazardEvent>({
  streamPrefix: 'hazard-',
  eventTypes: HAZARD_EVENT_TYPES,
  upcasters: [...HAZARD_UPCASTERS, RENAMED_DEADLINE],
});

function stored(revision: number, type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent {
  return {
    id: `event-${revision}`,
    streamId: `hazard-${HAZARD_ID}`,
    revision,
    position: revision + 1,
    recordedAt: DEADLINE,
    type,
    data,
    metadata: { commandId: `c-${revision}`, correlationId: `c-${revision}`, causationId: `c-${revision}`, actor: { userId: 'u', departmentId: 'd', roles: [] }, occurredAt: DEADLINE, schemaVersion },
  };
}

const v1Assignment = [
  stored(0, 'HazardFound', 1, { hazardId: HAZARD_ID, unitId: 'u1', location: 'l', categoryCode: 'c', level: 'general' }),
  stored(1, 'RectificationAssigned', 1, {
    responsibleUnitId: 'u1', responsiblePerson: '张三', supervisingDepartment: 'dept-gas', dueBy: DEADLINE,
    requirements: 'r', assignedAt: DEADLINE, assignedBy: 'sup', reassignment: false, occurrence: 1,
  }),
];

describe('the deadline table reads events through the hazard decoder', () => {
  it('sees a deadline that only an upcaster brings into the assignment, and owes its MarkOverdue', () => {
    const db = new Database(':memory:');
    commitBatch(db, deadlineTableConsumer(decoderWithV2Assignments), v1Assignment);

    expect(dueDeadlines(db, new Date(AFTER_DEADLINE))).toEqual([
      { hazardId: HAZARD_ID, occurrence: 1, deadline: DEADLINE, causeEventId: 'event-1', correlationId: 'c-1' },
    ]);
  });

  it('uses the hazard decoder by default: events of other streams and unknown types are skipped', () => {
    const db = new Database(':memory:');
    const other = { ...stored(2, 'RectificationAssigned', 2, { deadline: DEADLINE, occurrence: 1 }), streamId: 'tip-1', position: 3 };
    const unknown = { ...stored(3, 'SomethingNewer', 1, {}), position: 4 };
    const current = [v1Assignment[0]!, { ...v1Assignment[1]!, data: renameDueBy(v1Assignment[1]!.data as Record<string, unknown>), metadata: { ...v1Assignment[1]!.metadata, schemaVersion: 2 } }];

    commitBatch(db, deadlineTable, [...current, other, unknown]);

    expect(dueDeadlines(db, new Date(AFTER_DEADLINE)).map((d) => d.hazardId)).toEqual([HAZARD_ID]);
  });
});
