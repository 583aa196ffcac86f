import Database from 'better-sqlite3';
import { NotificationRequested } from '@hazard/domain';
import { commitBatch, RecordedEvent } from '@hazard/event-store';
import { DeliveryLoop, LEASE_MARGIN_MS } from './delivery-loop';
import { dueRows, ensureOutbox, outboxConsumer, Outcome, OutboxRow } from './notification-outbox';
import { OutcomeRecorder } from './notice-outcome-recorder';
import { delivered, DeliveryResult, Notifier, OutgoingNotice } from './notifier.port';

const TIMEOUT_MS = 1000;
const KEY = 'HZ-1/2026-03-15T10:00:00.000Z/overdue/unit-1/webhook';

function requested(key = KEY): NotificationRequested['data'] {
  return {
    dedupeKey: key, rung: 'overdue', deadline: '2026-03-15T10:00:00.000Z', recipient: { kind: 'unit', id: 'unit-1', name: '星火化工' },
    channel: 'webhook', address: 'http://127.0.0.1:1/hook', template: 'overdue-notice', params: { hazardId: 'HZ-1' }, occurrence: 1, requestedAt: '2026-03-15T10:00:01.000Z',
  };
}

let position = 0;
function recorded(streamId: string, type: string, data: unknown): RecordedEvent {
  position += 1;
  const metadata = { commandId: `c${position}`, correlationId: `k${position}`, causationId: `c${position}`, actor: { userId: 'system', departmentId: 'system', roles: ['admin'] }, occurredAt: '2026-03-15T10:00:01.000Z', schemaVersion: 1 };
  return { id: `e${position}`, type, data, metadata, streamId, revision: 0, position, recordedAt: metadata.occurredAt };
}

class FakeNotifier implements Notifier {
  readonly sent: OutgoingNotice[] = [];
  constructor(private readonly answer: () => Promise<DeliveryResult>) {}
  send(notice: OutgoingNotice): Promise<DeliveryResult> {
    this.sent.push(notice);
    return this.answer();
  }
}

class FakeRecorder implements OutcomeRecorder {
  readonly outcomes: Outcome[] = [];
  settled = false;
  failNext = false;
  async isSettled(): Promise<boolean> {
    return this.settled;
  }
  async record(_row: OutboxRow, outcome: Outcome): Promise<'recorded' | 'settled'> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('store unavailable');
    }
    if (this.outcomes.length > 0) return 'settled';
    this.outcomes.push(outcome);
    return 'recorded';
  }
}

describe('the delivery loop on a real outbox', () => {
  let db: Database.Database;
  let now: number;
  const errors: string[] = [];
  const loop = (notifier: Notifier, recorder: OutcomeRecorder) =>
    new DeliveryLoop(db, notifier, recorder, { maxAttempts: 3, retryBaseMs: 100, timeoutMs: TIMEOUT_MS, timeZone: 'Asia/Shanghai', nowMs: () => now, onError: (m) => errors.push(m) });

  beforeEach(() => {
    db = new Database(':memory:');
    ensureOutbox(db);
    now = 1_000_000;
    errors.length = 0;
    commitBatch(db, outboxConsumer(() => now), [recorded('notices-HZ-1', 'NotificationRequested', requested())]);
  });
  afterEach(() => db.close());

  it('queues NotificationRequested of notice streams only, and drops a row once its outcome is on the log', () => {
    commitBatch(db, outboxConsumer(() => now), [recorded('hazard-HZ-2', 'NotificationRequested', requested('HZ-2/x/overdue/u/webhook'))]);
    expect(dueRows(db, now, 10).map((r) => [r.dedupeKey, r.hazardId, r.attempts])).toEqual([[KEY, 'HZ-1', 0]]);

    commitBatch(db, outboxConsumer(() => now), [recorded('notices-HZ-1', 'NotificationDelivered', { dedupeKey: KEY, attempts: 1, at: 'x' })]);
    expect(dueRows(db, now, 10)).toEqual([]);
  });

  it('after a crash mid-send, sends again with the same key once the lease runs out, and records one outcome', async () => {
    const recorder = new FakeRecorder();
    const hanging = new FakeNotifier(() => new Promise<DeliveryResult>(() => undefined));
    void loop(hanging, recorder).runOnce(); // the process dies with this try in flight
    await new Promise((resolve) => setImmediate(resolve));

    const restarted = new FakeNotifier(async () => delivered());
    expect(await loop(restarted, recorder).runOnce()).toBe(0); // still leased
    now += TIMEOUT_MS + LEASE_MARGIN_MS;
    expect(await loop(restarted, recorder).runOnce()).toBe(1);

    expect([...hanging.sent, ...restarted.sent].map((n) => n.request.dedupeKey)).toEqual([KEY, KEY]);
    expect(recorder.outcomes).toEqual([{ kind: 'delivered', attempts: 1 }]);
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it('does not send a notice whose outcome is already on its stream', async () => {
    const recorder = Object.assign(new FakeRecorder(), { settled: true });
    const notifier = new FakeNotifier(async () => delivered());

    await loop(notifier, recorder).runOnce();

    expect(notifier.sent).toEqual([]);
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it('drops the row when recording finds the outcome already settled (NOTICE.ALREADY_SETTLED)', async () => {
    const recorder = new FakeRecorder();
    recorder.outcomes.push({ kind: 'failed', attempts: 1, error: 'HTTP 400' }); // another replica got there first

    await loop(new FakeNotifier(async () => delivered()), recorder).runOnce();

    expect(recorder.outcomes).toHaveLength(1);
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });

  it('keeps the verdict when recording fails and records it later without sending again', async () => {
    const recorder = Object.assign(new FakeRecorder(), { failNext: true });
    const notifier = new FakeNotifier(async () => delivered());

    await loop(notifier, recorder).runOnce();
    expect(errors).toHaveLength(1);
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)[0]?.outcome).toEqual({ kind: 'delivered', attempts: 1 });

    now += TIMEOUT_MS + LEASE_MARGIN_MS;
    await loop(notifier, recorder).runOnce();

    expect(notifier.sent).toHaveLength(1);
    expect(recorder.outcomes).toEqual([{ kind: 'delivered', attempts: 1 }]);
  });

  it('reschedules a retryable failure after the backoff, counting the tries', async () => {
    const notifier = new FakeNotifier(async () => ({ kind: 'retryable', error: 'HTTP 503' }));
    const recorder = new FakeRecorder();

    await loop(notifier, recorder).runOnce();
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)[0]).toMatchObject({ attempts: 1, dueAt: now + 100, lastError: 'HTTP 503' });
    now += 100;
    await loop(notifier, recorder).runOnce();
    expect(dueRows(db, Number.MAX_SAFE_INTEGER, 10)[0]).toMatchObject({ attempts: 2, dueAt: now + 200 });
    now += 200;
    await loop(notifier, recorder).runOnce();

    expect(notifier.sent).toHaveLength(3);
    expect(recorder.outcomes).toEqual([{ kind: 'failed', attempts: 3, error: 'HTTP 503' }]);
  });
});
