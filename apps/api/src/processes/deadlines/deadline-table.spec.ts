import Database from 'better-sqlite3';
import { HazardEvent } from '@hazard/domain';
import { RecordedEvent, commitBatch } from '@hazard/event-store';
import {
  AFTER_DEADLINE,
  AFTER_EXTENDED_DEADLINE,
  aHazard,
  DEADLINE,
  EXTENDED_DEADLINE,
  HAZARD_ID,
  HazardHistory,
} from '../../../../../libs/domain/src/testing/hazard.mother';
import { deadlineTable, dueDeadlines } from './deadline-table';

/** given(history).dueAt(time): which deadlines the scheduler would mark overdue at that time. */
function given(history: HazardHistory) {
  const db = new Database(':memory:');
  commitBatch(db, deadlineTable, recorded(history.events));
  return { dueAt: (time: string) => dueDeadlines(db, new Date(time)).map((d) => d.deadline), db };
}

function recorded(events: readonly HazardEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({
    id: `event-${i}`,
    type: e.type,
    data: e.data,
    metadata: { commandId: `command-${i}`, correlationId: `correlation-${i}`, causationId: `command-${i}`, actor: { userId: 'u', departmentId: 'd', roles: [] }, occurredAt: DEADLINE, schemaVersion: 1 },
    streamId: `hazard-${HAZARD_ID}`,
    revision: i,
    position: i + 1,
    recordedAt: DEADLINE,
  }));
}

describe('the deadline table (what the scheduler owes MarkOverdue)', () => {
  const assigned = aHazard().assigned();

  it('owes nothing before the deadline, and at it', () => {
    expect(given(assigned).dueAt('2026-03-10T00:00:00+08:00')).toEqual([]);
    expect(given(assigned).dueAt(DEADLINE)).toEqual([]);
  });

  it('owes the deadline once it has passed, with the assignment as its cause', () => {
    const { db } = given(assigned);
    expect(dueDeadlines(db, new Date(AFTER_DEADLINE))).toEqual([
      { hazardId: HAZARD_ID, occurrence: 1, deadline: DEADLINE, causeEventId: 'event-1', correlationId: 'correlation-1' },
    ]);
  });

  it('owes it no more once it is recorded as missed', () => {
    expect(given(assigned.overdue()).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([]);
  });

  it('owes nothing after a rectification, nor after verification', () => {
    expect(given(assigned.rectified()).dueAt(AFTER_DEADLINE)).toEqual([]);
    expect(given(assigned.rectified().verified()).dueAt(AFTER_DEADLINE)).toEqual([]);
  });

  it('owes the kept deadline again after a failed verification', () => {
    expect(given(assigned.rectified().failedVerification()).dueAt(AFTER_DEADLINE)).toEqual([DEADLINE]);
  });

  it('follows an extension granted before the deadline', () => {
    const extended = assigned.extensionRequested().extended();
    expect(given(extended).dueAt(AFTER_DEADLINE)).toEqual([]);
    expect(given(extended).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([EXTENDED_DEADLINE]);
  });

  it('owes an overdue hazard its new deadline after an extension', () => {
    expect(given(assigned.overdue().extensionRequested().extended()).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([EXTENDED_DEADLINE]);
  });

  it('keeps a missed deadline missed across a reassignment with the same deadline, and owes a new one', () => {
    expect(given(assigned.overdue().reassigned()).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([]);
    expect(given(assigned.overdue().reassigned({ deadline: EXTENDED_DEADLINE })).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([EXTENDED_DEADLINE]);
  });

  it('forgets the deadline when a new cycle starts without assignment, and owes the next cycle’s', () => {
    const cycle2 = assigned.overdue().rectified().verified().foundAgain();
    expect(given(cycle2).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([]);
    expect(given(cycle2.assigned({ deadline: EXTENDED_DEADLINE })).dueAt(AFTER_EXTENDED_DEADLINE)).toEqual([EXTENDED_DEADLINE]);
    expect(given(assigned.rectified().verified().reopened().assigned()).dueAt(AFTER_DEADLINE)).toEqual([DEADLINE]);
  });

  it('ignores a repeat finding of a hazard still open', () => {
    expect(given(assigned.foundAgain()).dueAt(AFTER_DEADLINE)).toEqual([DEADLINE]);
  });
});
