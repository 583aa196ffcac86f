import { Inject, Injectable } from '@nestjs/common';
import { ExistingTip } from '@hazard/domain';
import { Claims, actorOf, ReporterIdentity, ReporterVault } from '@hazard/platform';
import { randomUUID } from 'node:crypto';
import { readTip } from './read-tip';
import { REPORTER_VAULT, reporterKeyRef } from './reporter-vault.provider';
import { TIP_RUNNER, TipRunner } from './tip-runners';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { EventStore } from '@hazard/event-store';

/**
 * Reading an identity: ReporterIdentityViewed {reason} is appended, and durable, before anything is decrypted,
 * so every access is on the hash chain. The command refuses an anonymous tip (404 TIP.NO_IDENTITY) and an
 * erased one (410 TIP.IDENTITY_ERASED) before any key is touched.
 */
@Injectable()
export class ReporterIdentityReader {
  constructor(
    @Inject(TIP_RUNNER) private readonly tips: TipRunner,
    @Inject(REPORTER_VAULT) private readonly vault: ReporterVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async read(tip: ExistingTip, reason: string, claims: Claims): Promise<ReporterIdentity> {
    await this.tips.run(
      { type: 'ViewReporterIdentity', tipId: tip.tipId, data: { reason } },
      { actor: actorOf(claims), commandId: randomUUID(), correlationId: randomUUID(), causationId: tip.tipId },
    );
    const stored = await readTip(this.store, tip.tipId);
    const received = stored?.events.find((e) => e.type === 'TipReceived')?.data as { reporter: Parameters<ReporterVault['open']>[1] | null } | undefined;
    if (!received?.reporter) throw new Error(`tip ${tip.tipNo} holds an identity but no reporter block`);
    return this.vault.open(reporterKeyRef(tip.tipId, tip.codeHash), received.reporter);
  }
}
