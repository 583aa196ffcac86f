import { IllegalTransitionError } from '@hazard/domain';
import { StoreUnavailableError, WrongExpectedRevisionError } from '@hazard/event-store';
import { Metrics } from './metrics';

async function valueOf(metrics: Metrics, name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value;
}

describe('Metrics: what the runner and the edge report becomes', () => {
  it('counts notifications by outcome from the events their commands recorded', async () => {
    const metrics = new Metrics();
    metrics.observeCommand({ command: 'RequestNotification', seconds: 0.01, outcome: { eventTypes: ['NotificationRequested', 'NotificationRequested'], replayed: false } });
    metrics.observeCommand({ command: 'RecordDelivery', seconds: 0.01, outcome: { eventTypes: ['NotificationDelivered'], replayed: false } });
    metrics.observeCommand({ command: 'RecordDeliveryFailure', seconds: 0.01, outcome: { eventTypes: ['NotificationFailed'], replayed: false } });

    expect(await valueOf(metrics, 'hazard_notifications_total', { outcome: 'requested' })).toBe(2);
    expect(await valueOf(metrics, 'hazard_notifications_total', { outcome: 'delivered' })).toBe(1);
    expect(await valueOf(metrics, 'hazard_notifications_total', { outcome: 'failed' })).toBe(1);
  });

  it.each([
    [new IllegalTransitionError('VerifyRectification', 'found'), 'rejected'],
    [new WrongExpectedRevisionError('hazard-1', 1, 2), 'conflict'],
    [new StoreUnavailableError('down'), 'failed'],
    [new Error('bug'), 'failed'],
  ])('labels a command that threw %s as %s', async (error, outcome) => {
    const metrics = new Metrics();
    metrics.observeCommand({ command: 'VerifyRectification', seconds: 0.002, error });

    const text = await metrics.registry.metrics();
    expect(text).toContain(`hazard_command_duration_seconds_count{command="VerifyRectification",outcome="${outcome}"} 1`);
  });

  it('counts a 429 as a rate-limit refusal of its route', async () => {
    const metrics = new Metrics();
    metrics.observeRequest('POST', '/api/v1/public/tips', 429, 0.001);
    metrics.observeRequest('POST', '/api/v1/public/tips', 201, 0.02);

    expect(await valueOf(metrics, 'http_rate_limited_total', { route: '/api/v1/public/tips' })).toBe(1);
    expect(await valueOf(metrics, 'http_requests_total', { route: '/api/v1/public/tips', status: '201' })).toBe(1);
  });
});
