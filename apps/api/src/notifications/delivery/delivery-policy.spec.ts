import { classifyHttpStatus, classifySmtpFailure, MAX_RETRY_DELAY_MS, nextStep, retryDelayMs } from './delivery-policy';
import { delivered, permanent, retryable } from './notifier.port';

const policy = { maxAttempts: 5, retryBaseMs: 1000 };

describe('the backoff schedule', () => {
  it('pauses NOTIFY_RETRY_BASE_MS × 2^(n−1) after the n-th failed try', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3].map((n) => retryDelayMs(n, 25))).toEqual([25, 50, 100]);
  });

  it('never pauses longer than a day', () => {
    expect(retryDelayMs(60, 3_600_000)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('retries until NOTIFY_MAX_ATTEMPTS tries in all, then fails with the last error', () => {
    const steps = [0, 1, 2, 3, 4].map((before) => nextStep(retryable('HTTP 503'), before, policy));

    expect(steps).toEqual([
      { kind: 'retry', attempts: 1, delayMs: 1000, error: 'HTTP 503' },
      { kind: 'retry', attempts: 2, delayMs: 2000, error: 'HTTP 503' },
      { kind: 'retry', attempts: 3, delayMs: 4000, error: 'HTTP 503' },
      { kind: 'retry', attempts: 4, delayMs: 8000, error: 'HTTP 503' },
      { kind: 'record-failed', attempts: 5, error: 'HTTP 503' },
    ]);
  });

  it('fails at once on a permanent failure and records a delivery with the tries it took', () => {
    expect(nextStep(permanent('HTTP 400'), 0, policy)).toEqual({ kind: 'record-failed', attempts: 1, error: 'HTTP 400' });
    expect(nextStep(delivered(), 2, policy)).toEqual({ kind: 'record-delivered', attempts: 3 });
  });

  it('with NOTIFY_MAX_ATTEMPTS=1 the first failure is final', () => {
    expect(nextStep(retryable('TIMEOUT'), 0, { ...policy, maxAttempts: 1 })).toEqual({ kind: 'record-failed', attempts: 1, error: 'TIMEOUT' });
  });
});

describe('the classification of a webhook status', () => {
  it.each([200, 201, 202, 204, 299])('%i is delivered', (status) => {
    expect(classifyHttpStatus(status)).toEqual({ kind: 'delivered' });
  });

  it.each([408, 429, 500, 502, 503, 504, 599])('%i is retried', (status) => {
    expect(classifyHttpStatus(status)).toEqual({ kind: 'retryable', error: `HTTP ${status}` });
  });

  it.each([301, 302, 304, 400, 401, 403, 404, 409, 410, 413, 422])('%i fails at once', (status) => {
    expect(classifyHttpStatus(status)).toEqual({ kind: 'permanent', error: `HTTP ${status}` });
  });
});

describe('the classification of an SMTP failure', () => {
  it('a 5xx reply is final', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 550, message: 'mailbox unavailable' })).toEqual(permanent('SMTP 550: mailbox unavailable'));
  });

  it('a 4xx reply and a connection problem are retried', () => {
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 451, message: 'try later' }).kind).toBe('retryable');
    expect(classifySmtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual(
      retryable('SMTP ECONNECTION: connect ECONNREFUSED 127.0.0.1:25'),
    );
  });
});
