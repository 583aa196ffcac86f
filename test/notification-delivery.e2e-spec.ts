import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Channel, NoticeEvent, NotificationRequest, SYSTEM_ACTOR, noticeDecoder } from '@hazard/domain';
import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../apps/api/src/infrastructure/event-store.provider';
import { NOTICE_RUNNER, NoticeRunner } from '../apps/api/src/notifications/delivery/notice-runner';
import { MailSink } from './support/mail-sink';
import { eventually } from './support/processes-probe';
import { TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

const BASE_MS = 50;
const MAX_ATTEMPTS = 3;
let serial = 0;

/** A notice as the ladder records it, for a hazard of its own (one notice stream per test). */
function notice(channel: Channel, address?: string, template: NotificationRequest['template'] = 'overdue-notice'): NotificationRequest {
  const hazardId = `HZ-E2E-${++serial}`;
  const deadline = '2026-03-15T10:00:00.000Z';
  return {
    dedupeKey: `${hazardId}/${deadline}/overdue/unit-1/${channel}`,
    rung: 'overdue',
    deadline,
    recipient: { kind: 'unit', id: 'unit-1', name: '星火化工有限公司' },
    channel,
    ...(address !== undefined && { address }),
    template,
    params: { hazardId, unitName: '星火化工有限公司', location: '二号罐区东侧', deadline, daysOverdue: 0, responsiblePerson: '王建国', recipientName: '星火化工有限公司' },
    occurrence: 1,
  };
}

const hazardOf = (request: NotificationRequest) => request.dedupeKey.split('/')[0]!;

async function requestNotice(t: TestApp, request: NotificationRequest): Promise<void> {
  const runner = t.app.get<NoticeRunner>(NOTICE_RUNNER);
  const id = randomUUID();
  await runner.run({ type: 'RequestNotification', hazardId: hazardOf(request), data: request }, { actor: SYSTEM_ACTOR, commandId: id, correlationId: id, causationId: id });
}

type Outcome = Extract<NoticeEvent, { type: 'NotificationDelivered' | 'NotificationFailed' }>;

async function outcomesOf(t: TestApp, request: NotificationRequest): Promise<Outcome[]> {
  const stored = await t.app.get<EventStore>(EVENT_STORE).readStream(noticeDecoder.streamIdFor(hazardOf(request)));
  return stored.map((s) => noticeDecoder.decode(s)).filter((e): e is Outcome => e?.type === 'NotificationDelivered' || e?.type === 'NotificationFailed');
}

const settled = (t: TestApp, request: NotificationRequest) =>
  eventually(async () => {
    const [outcome] = await outcomesOf(t, request);
    return outcome;
  }, `the outcome of ${request.dedupeKey}`);

/** DESIGN.md "Notifications and the escalation ladder", the delivery side: a real HTTP receiver and a real SMTP server. */
describe('notification delivery (e2e)', () => {
  let receiver: WebhookReceiver;
  let sink: MailSink;
  let t: TestApp;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sink = await MailSink.start();
    t = await TestApp.start({ env: { NOTIFY_RETRY_BASE_MS: String(BASE_MS), NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS), NOTIFY_TIMEOUT_MS: '2000', SMTP_URL: sink.url() } });
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
    await sink?.close();
  });

  it('POSTs a webhook once, with the Idempotency-Key and a signature that verifies with DATA_DIR/webhook-secret', async () => {
    const request = notice('webhook', receiver.url('/ok'));
    await requestNotice(t, request);

    const outcome = await settled(t, request);
    const hooks = receiver.at('/ok');
    const secretFile = join(t.dataDir, 'webhook-secret');
    const secret = readFileSync(secretFile, 'utf8').trim();
    const signature = String(hooks[0]?.headers['x-hazard-signature']);
    const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];

    expect(outcome).toMatchObject({ type: 'NotificationDelivered', data: { dedupeKey: request.dedupeKey, attempts: 1 } });
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.headers['idempotency-key']).toBe(request.dedupeKey);
    expect(v1).toBe(createHmac('sha256', secret).update(`${ts}.`).update(hooks[0]!.raw).digest('hex'));
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(hooks[0]!.raw.toString('utf8'))).toMatchObject({
      dedupeKey: request.dedupeKey, template: 'overdue-notice', rung: 'overdue', hazardId: hazardOf(request), recipient: request.recipient,
      subject: `逾期通知：星火化工有限公司事故隐患（${hazardOf(request)}）已超过整改期限`, params: request.params, requestedAt: expect.any(String),
    });
  });

  it('sends an e-mail with the zh-CN subject and a Message-ID derived from the dedupeKey', async () => {
    const request = notice('email', 'safety@xinghuo.example', 'duban-letter');
    await requestNotice(t, request);

    expect(await settled(t, request)).toMatchObject({ type: 'NotificationDelivered', data: { attempts: 1 } });
    const mail = sink.mails.find((m) => m.header('X-Hazard-Notice-Key') === request.dedupeKey);
    expect(mail?.to).toEqual(['safety@xinghuo.example']);
    expect(mail?.header('Subject')).toBe('督办函：关于督促星火化工有限公司限期整改逾期事故隐患的函');
    expect(mail?.header('Message-ID')).toMatch(/^<notice\.[0-9a-f]{32}@localhost>$/);
    expect(mail?.header('From')).toBe('hazard-ledger@localhost');
  });

  it('retries a 503 with backoff and records NotificationFailed after NOTIFY_MAX_ATTEMPTS tries', async () => {
    receiver.on('/unavailable', (_hook, res) => res.writeHead(503).end('maintenance'));
    const request = notice('webhook', receiver.url('/unavailable'));
    await requestNotice(t, request);

    const outcome = await settled(t, request);
    const hooks = receiver.at('/unavailable');
    const gaps = hooks.slice(1).map((h, i) => h.at - hooks[i]!.at);

    expect(outcome).toMatchObject({ type: 'NotificationFailed', data: { attempts: MAX_ATTEMPTS, error: 'HTTP 503: maintenance' } });
    expect(hooks).toHaveLength(MAX_ATTEMPTS);
    expect(hooks.every((h) => h.headers['idempotency-key'] === request.dedupeKey)).toBe(true);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(BASE_MS * 2 ** i - 5));
  });

  it('fails a 400 at once', async () => {
    receiver.on('/bad', (_hook, res) => res.writeHead(400).end('unknown recipient'));
    const request = notice('webhook', receiver.url('/bad'));
    await requestNotice(t, request);

    expect(await settled(t, request)).toMatchObject({ type: 'NotificationFailed', data: { attempts: 1, error: 'HTTP 400: unknown recipient' } });
    expect(receiver.at('/bad')).toHaveLength(1);
  });

  it('fails a notice without any address at once with NO_CONTACT', async () => {
    const request = notice('none');
    await requestNotice(t, request);

    expect(await settled(t, request)).toMatchObject({ type: 'NotificationFailed', data: { attempts: 1, error: 'NO_CONTACT' } });
  });

  it('without SMTP_URL, fails an e-mail at once with CHANNEL_DISABLED', async () => {
    const off = await TestApp.start({ env: { NOTIFY_RETRY_BASE_MS: String(BASE_MS) } });
    try {
      const request = notice('email', 'safety@xinghuo.example');
      await requestNotice(off, request);

      expect(await settled(off, request)).toMatchObject({ type: 'NotificationFailed', data: { attempts: 1, error: 'CHANNEL_DISABLED' } });
    } finally {
      await off.stop();
    }
  });

  it('after a restart in the middle of a delivery, sends again with the same key and records one outcome', async () => {
    const held: string[] = [];
    receiver.on('/slow', (hook, res, nth) => {
      if (nth === 1) held.push(String(hook.headers['idempotency-key'])); // never answered: the app closes meanwhile
      else res.writeHead(204).end();
    });
    const restartable = await TestApp.start({ env: { NOTIFY_RETRY_BASE_MS: String(BASE_MS), NOTIFY_TIMEOUT_MS: '1000', NOTIFY_WEBHOOK_SECRET: 's'.repeat(32) } });
    try {
      const request = notice('webhook', receiver.url('/slow'));
      await requestNotice(restartable, request);
      await eventually(() => held.length === 1, 'the receiver to hold the first try');

      await restartable.restart();

      // The first try timed out while the app was closing (counted); the second, after the restart, got through.
      expect(await settled(restartable, request)).toMatchObject({ type: 'NotificationDelivered', data: { dedupeKey: request.dedupeKey, attempts: 2 } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await outcomesOf(restartable, request)).toHaveLength(1);
      const hooks = receiver.at('/slow');
      expect(hooks.length).toBeGreaterThanOrEqual(2);
      expect(new Set(hooks.map((h) => h.headers['idempotency-key']))).toEqual(new Set([request.dedupeKey]));
    } finally {
      await restartable.stop();
    }
  });
});
