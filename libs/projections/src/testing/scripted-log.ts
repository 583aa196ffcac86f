import { HazardEvent, hazardIdFor, LEVELS, SOURCES, streamIdFor } from '@hazard/domain';
import { EventStore } from '@hazard/event-store';
import { testEvent } from '@hazard/event-store/testing';
import { aHazard, HazardHistory } from '../../../domain/src/testing/hazard.mother';

const SECTORS = ['gas', 'fire', 'construction'] as const;
const REGIONS = ['330102', '330105', '330201'] as const;
const LATE = '2026-03-20T18:00:00+08:00';

/**
 * `count` hazards of varied units, sectors, regions, levels and sources, each walked through one of several
 * lives: open, assigned, rectified on time or late, failed verification, verified, found again (open and
 * after verification), reopened, supervised. Deterministic, so two builds from it can be compared.
 */
export function scriptedHistories(count: number): HazardEvent[][] {
  return Array.from({ length: count }, (_, i) => {
    const key = { unitId: `UNIT-${i % 7}`, location: `楼${i}`, categoryCode: `CAT-${i % 3}` };
    const hazardId = hazardIdFor(key);
    const found = aHazard({
      ...key, hazardId, unitName: `单位${i % 7}`, sector: pick(SECTORS, i), regionCode: pick(REGIONS, i + 1),
      level: pick(LEVELS, i % 5 === 0 ? 1 : 0), source: pick(SOURCES, i),
    });
    return life(found, i % 9, hazardId).events as HazardEvent[];
  });
}

function life(h: HazardHistory, kind: number, hazardId: string): HazardHistory {
  const again = { hazardId };
  switch (kind) {
    case 0: return h;
    case 1: return h.assigned();
    case 2: return h.assigned().rectified();
    case 3: return h.assigned().rectified({ completedAt: LATE, onTime: false }).verified();
    case 4: return h.assigned().rectified().failedVerification().rectified().verified().foundAgain(again);
    case 5: return h.foundAgain(again).foundAgain(again);
    case 6: return h.assigned({ supervisingDepartment: 'dept-fire' }).rectified().verified().reopened().assigned({ occurrence: 2 });
    case 7: return h.supervised().assigned().overdue().extensionRequested().extended();
    default: return h.assigned().reassigned({ supervisingDepartment: 'dept-emergency' }).rectified({ completedAt: LATE, onTime: false });
  }
}

function pick<T>(values: readonly T[], i: number): T {
  return values[i % values.length] as T;
}

/**
 * Appends the histories interleaved round-robin (the log mixes hazards as real traffic does), each event in
 * its own append. `from`/`to` select a slice of that interleaved order, to append part now and the rest later.
 * Returns the log's head position afterwards.
 */
export async function appendInterleaved(store: EventStore, histories: readonly HazardEvent[][], from = 0, to = Infinity): Promise<number> {
  let position = await store.headPosition();
  for (const [index, { event, revision, hazardId }] of interleave(histories).entries()) {
    if (index < from || index >= to) continue;
    const occurredAt = new Date(Date.UTC(2026, 2, 1) + index * 60_000).toISOString();
    const appended = testEvent({ type: event.type, data: event.data, metadata: { occurredAt } });
    position = (await store.append(streamIdFor(hazardId), [appended], { expectedRevision: revision - 1 })).position;
  }
  return position;
}

/** Number of events appendInterleaved writes for these histories. */
export function eventCount(histories: readonly HazardEvent[][]): number {
  return histories.reduce((n, h) => n + h.length, 0);
}

function interleave(histories: readonly HazardEvent[][]): { event: HazardEvent; revision: number; hazardId: string }[] {
  const out: { event: HazardEvent; revision: number; hazardId: string }[] = [];
  const longest = Math.max(0, ...histories.map((h) => h.length));
  for (let revision = 0; revision < longest; revision++) {
    for (const events of histories) {
      const event = events[revision];
      const found = events[0];
      if (event && found?.type === 'HazardFound') out.push({ event, revision, hazardId: found.data.hazardId });
    }
  }
  return out;
}
