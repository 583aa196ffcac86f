import { Client, type ClientConfig } from 'pg';
import type { AppendNotifier } from '../sqlite/append-notifier';

/**
 * LISTENs on the log's channel and wakes this process's subscriptions when another process commits. Only a
 * wake-up: subscriptions also poll, so a notification lost with a dropped connection merely delays them.
 * Connected on first use; after a failure the next `ensure()` (each subscription poll) tries again.
 */
export class AppendListener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly notifier: AppendNotifier,
  ) {}

  ensure(channel: string): void {
    if (this.closed || this.client || this.connecting) return;
    this.connecting = this.connect(channel).finally(() => (this.connecting = undefined));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    await this.drop();
  }

  private async connect(channel: string): Promise<void> {
    const client = new Client(this.config);
    // An established connection dropped: forget it (the next poll reconnects) and wake everyone, since a
    // notification may have been lost with it. One that never got established wakes nobody, or a server
    // that is down would make every subscription spin.
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.notifier.notify();
      void client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.notifier.notify());
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever committed while no connection listened was announced to nobody: look once now.
    this.notifier.notify();
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    await client?.end().catch(() => undefined);
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
