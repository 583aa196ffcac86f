import { streamIdFor } from '@hazard/domain';
import { SqliteEventStore } from '@hazard/event-store';
import { testEvent } from '@hazard/event-store/testing';
import { AppConfig, Clock } from '@hazard/platform';
import { admin, aHazard, HAZARD_ID, rectifier } from '../../../../libs/domain/src/testing/hazard.mother';
import { HazardReader } from './hazard.reader';

/**
 * The reader keeps what it derived from a stream (history bytes, the trail's replay, past states) with the
 * snapshot it read. Each answer must stay the one a reader with nothing kept gives, as the stream grows and
 * as time passes.
 */
describe('HazardReader: what it keeps per stream snapshot', () => {
  const config = { lateReportHours: 24 } as AppConfig;
  let store: SqliteEventStore;
  let now: Date;
  const clock: Clock = { now: () => now };
  const at = (hour: number) => new Date(Date.parse('2026-03-01T00:00:00Z') + hour * 3_600_000).toISOString();
  const fresh = () => new HazardReader(store, clock, config);
  let revision = -1;

  async function append(...events: readonly { type: string; data: unknown }[]): Promise<void> {
    for (const event of events) {
      revision += 1;
      await store.append(streamIdFor(HAZARD_ID), [testEvent({ type: event.type, data: event.data, metadata: { occurredAt: at(revision) } })], { expectedRevision: revision - 1 });
    }
  }

  beforeEach(async () => {
    store = SqliteEventStore.open({ file: ':memory:' });
    revision = -1;
    now = new Date(at(10));
    await append(...aHazard().assigned().events);
  });
  afterEach(() => store.close());

  it('given a history read, then an append, then the next read has the new event, for a reader with and without the source', async () => {
    const reader = fresh();
    for (const actor of [admin, rectifier]) await reader.historyJson(HAZARD_ID, actor);
    await append(...aHazard().assigned().rectified().events.slice(-1));

    const stored = await store.readStream(streamIdFor(HAZARD_ID));
    const full = stored.map(({ revision: r, position, type, data, metadata, recordedAt }) => ({ revision: r, position, type, data, metadata, recordedAt }));
    expect((await reader.historyJson(HAZARD_ID, admin)).toString()).toBe(JSON.stringify({ hazardId: HAZARD_ID, events: full }));
    const hidden = (await reader.historyJson(HAZARD_ID, rectifier)).toString();
    expect(hidden).toBe((await fresh().historyJson(HAZARD_ID, rectifier)).toString());
    expect(JSON.parse(hidden).events).toHaveLength(stored.length);
    expect(hidden).not.toMatch(/"(source|hash|prevHash)"/);
  });

  it('given a trail read, then later, then after an append, then each is the trail of a reader that kept nothing', async () => {
    const reader = fresh();
    await reader.trail(HAZARD_ID, admin);
    now = new Date(at(500)); // past the deadline: the open span's overdue time grows with now
    expect(await reader.trail(HAZARD_ID, admin)).toStrictEqual(await fresh().trail(HAZARD_ID, admin));

    await append(...aHazard().assigned().rectified().events.slice(-1));
    const after = await reader.trail(HAZARD_ID, admin);
    expect(after).toStrictEqual(await fresh().trail(HAZARD_ID, admin));
    expect(after.cycles[0]?.rectifications).toHaveLength(1);
  });

  it('given a past state read, then an append, then it and the new head are those of a reader that kept nothing', async () => {
    const reader = fresh();
    const past = { time: at(0) };
    const before = await reader.asOf(HAZARD_ID, past, admin);
    await append(...aHazard().assigned().rectified().events.slice(-1));

    expect(await reader.asOf(HAZARD_ID, past, admin)).toStrictEqual(before);
    expect(await reader.asOf(HAZARD_ID, past, admin)).toStrictEqual(await fresh().asOf(HAZARD_ID, past, admin));
    const head = await reader.asOf(HAZARD_ID, { revision }, admin);
    expect(head).toStrictEqual(await fresh().asOf(HAZARD_ID, { revision }, admin));
    expect(head.status).toBe('rectified');
  });
});
