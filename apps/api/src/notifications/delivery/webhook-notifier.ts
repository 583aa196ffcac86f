import { classifyHttpStatus } from './delivery-policy';
import { DeliveryResult, Notifier, OutgoingNotice, permanent, retryable } from './notifier.port';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/** API.md "Notifications": the JSON a webhook receives. */
export function webhookBody(notice: OutgoingNotice): string {
  const { dedupeKey, template, rung, recipient, params, requestedAt } = notice.request;
  return JSON.stringify({ dedupeKey, template, rung, hazardId: notice.hazardId, recipient, subject: notice.subject, text: notice.text, params, requestedAt });
}

/**
 * POSTs the notice, signed, to the recipient's webhookUrl with Node's fetch: one try, bounded by
 * NOTIFY_TIMEOUT_MS. Redirects are not followed (a signed notice goes only where it was addressed), so a 3xx is
 * a permanent failure like any other unexpected status.
 */
export class WebhookNotifier implements Notifier {
  constructor(
    private readonly secret: string,
    private readonly timeoutMs: number,
    /** Wall-clock milliseconds for the signature's `t`: receivers compare it with their own clocks. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  async send(notice: OutgoingNotice): Promise<DeliveryResult> {
    const url = httpUrl(notice.request.address);
    if (!url) return permanent(notice.request.address ? `INVALID_ADDRESS: ${notice.request.address.slice(0, 200)}` : 'NO_CONTACT');
    const body = webhookBody(notice);
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'hazard-ledger-notifier/1',
          'Idempotency-Key': notice.request.dedupeKey,
          [SIGNATURE_HEADER]: signWebhook(this.secret, body, this.nowMs() / 1000),
        },
        body,
        redirect: 'manual',
        signal,
      });
      const result = classifyHttpStatus(response.status);
      if (result.kind === 'delivered') {
        await response.body?.cancel().catch(() => undefined);
        return result;
      }
      return { ...result, error: `${result.error}${await snippet(response)}` };
    } catch (error) {
      return retryable(signal.aborted ? `TIMEOUT: no answer within ${this.timeoutMs} ms` : `NETWORK: ${networkCause(error)}`);
    }
  }
}

function httpUrl(address: string | undefined): URL | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The start of the receiver's explanation, for the operator reading NotificationFailed. */
async function snippet(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text ? `: ${text.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/** undici says `fetch failed` and puts the reason (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
