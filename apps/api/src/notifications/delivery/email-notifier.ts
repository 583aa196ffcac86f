import { createHash } from 'node:crypto';
import { createTransport, Transporter } from 'nodemailer';
import { classifySmtpFailure, SmtpFailure } from './delivery-policy';
import { delivered, DeliveryResult, Notifier, OutgoingNotice, permanent } from './notifier.port';

/**
 * Sends the notice as a plain-text e-mail over SMTP_URL with nodemailer. The Message-ID is derived from the
 * dedupeKey, so a resent notice is the same message to the recipient's mail system.
 */
export class EmailNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport(withTimeouts(smtpUrl, timeoutMs));
  }

  async send(notice: OutgoingNotice): Promise<DeliveryResult> {
    const to = notice.request.address;
    if (!to) return permanent('NO_CONTACT');
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject: notice.subject,
        text: notice.text,
        messageId: messageIdFor(notice.request.dedupeKey, this.from),
        headers: { 'X-Hazard-Notice-Key': notice.request.dedupeKey },
      });
      return delivered();
    } catch (error) {
      return classifySmtpFailure(error as SmtpFailure);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** `<notice.<sha-256 of the dedupeKey, 32 hex>@<the sender's domain>>`: a dedupeKey holds `:`, which an id may not. */
export function messageIdFor(dedupeKey: string, from: string): string {
  const digest = createHash('sha256').update(dedupeKey, 'utf8').digest('hex').slice(0, 32);
  const domain = /@([^\s@>]+)>?\s*$/.exec(from)?.[1] ?? 'hazard-ledger.invalid';
  return `<notice.${digest}@${domain}>`;
}

/**
 * NOTIFY_TIMEOUT_MS bounds each stage of a try (connect, greeting, every reply), added as the URL options
 * nodemailer reads, so any option the operator wrote into SMTP_URL (`?ignoreTLS=true`…) is kept.
 */
function withTimeouts(smtpUrl: string, timeoutMs: number): string {
  const url = new URL(smtpUrl);
  for (const option of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) {
    if (!url.searchParams.has(option)) url.searchParams.set(option, String(timeoutMs));
  }
  return url.toString();
}
