import { AppConfig, resolveWebhookSecret } from '@hazard/platform';
import { EmailNotifier } from './email-notifier';
import { DeliveryResult, Notifier, OutgoingNotice, permanent } from './notifier.port';
import { WebhookNotifier } from './webhook-notifier';

/** Hands each notice to the adapter of its channel: `none` fails at once (NO_CONTACT), e-mail without SMTP_URL too (CHANNEL_DISABLED). */
export class ChannelNotifier implements Notifier {
  constructor(
    private readonly webhook: Notifier,
    private readonly email: Notifier | undefined,
  ) {}

  async send(notice: OutgoingNotice): Promise<DeliveryResult> {
    const channel = notice.request.channel;
    switch (channel) {
      case 'webhook':
        return this.webhook.send(notice);
      case 'email':
        return this.email ? this.email.send(notice) : permanent('CHANNEL_DISABLED');
      case 'none':
        return permanent('NO_CONTACT');
      default: {
        const unknown: never = channel;
        return permanent(`CHANNEL_UNKNOWN: ${String(unknown)}`);
      }
    }
  }

  close(): void {
    this.webhook.close?.();
    this.email?.close?.();
  }
}

/** The notifier the configuration describes: webhooks signed with NOTIFY_WEBHOOK_SECRET (or DATA_DIR/webhook-secret), e-mail if SMTP_URL is set. */
export function notifierFor(config: AppConfig): ChannelNotifier {
  const { notify } = config;
  const webhook = new WebhookNotifier(resolveWebhookSecret(config.dataDir, notify.webhookSecret), notify.timeoutMs);
  const email = notify.smtpUrl ? new EmailNotifier(notify.smtpUrl, notify.emailFrom, notify.timeoutMs) : undefined;
  return new ChannelNotifier(webhook, email);
}
