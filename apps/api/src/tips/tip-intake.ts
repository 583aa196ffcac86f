import { Inject, Injectable } from '@nestjs/common';
import { DomainError, EncryptedReporter, PUBLIC_ACTOR, SYSTEM_ACTOR, TipError, tipNoFor, tipSequenceDecoder, foldStored } from '@hazard/domain';
import { EventStore, readStreamOrEmpty } from '@hazard/event-store';
import { AppConfig, Clock, ReporterIdentity, ReporterVault } from '@hazard/platform';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { systemCommandId } from '../edge/commands/system-command-id';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { codeHashOf, newQueryCode } from './query-code';
import { readTip, tipIdFor } from './read-tip';
import { REPORTER_VAULT, reporterKeyRef } from './reporter-vault.provider';
import { TIP_RUNNER, TIP_SEQUENCE_RUNNER, TipRunner, TipSequenceRunner } from './tip-runners';

export interface TipSubmission {
  readonly sector: string | null;
  readonly regionCode: string | null;
  readonly location: string;
  readonly description: string;
  readonly evidence: readonly string[];
  readonly anonymous: boolean;
  readonly reporter: ReporterIdentity | null;
}

/** What the reporter is shown, once: the code is stored nowhere but in their hands. */
export interface TipReceipt {
  readonly tipNo: string;
  readonly queryCode: string;
  readonly receivedAt: string;
}

/** Numbers a single intake may skip (taken by concurrent intakes) before it gives up and the caller retries. */
const MAX_SKIPS = 1000;

/**
 * Public intake (群众举报). A number is taken by creating its tip's stream (tipId = UUID v5 of the tipNo,
 * expected "no stream"), and only then recorded in the year's register `tipseq-<year>`. Intake starts after
 * the register's head and first records any later number whose tip exists, so a crash between the two appends
 * leaves neither a hole nor a duplicate, and concurrent intakes get consecutive numbers.
 */
@Injectable()
export class TipIntake {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TIP_RUNNER) private readonly tips: TipRunner,
    @Inject(TIP_SEQUENCE_RUNNER) private readonly register: TipSequenceRunner,
    @Inject(REPORTER_VAULT) private readonly vault: ReporterVault,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(submission: TipSubmission): Promise<TipReceipt> {
    const year = DateTime.fromJSDate(this.clock.now()).setZone(this.config.timeZone).year;
    let number = (await this.recordedCount(year)) + 1;
    for (let skipped = 0; skipped < MAX_SKIPS; skipped++, number++) {
      const tipNo = tipNoFor(year, number);
      if (await readTip(this.store, tipNo)) {
        await this.record(year, number, tipNo); // a tip of another intake, or of one that crashed before recording
        continue;
      }
      const receipt = await this.tryNumber(tipNo, submission);
      if (!receipt) continue;
      await this.recordUpTo(year, number);
      return receipt;
    }
    throw new Error(`no free tip number after ${MAX_SKIPS} attempts in ${year}`);
  }

  /** Creates the tip under `tipNo`, or answers undefined when another intake took the number first. */
  private async tryNumber(tipNo: string, submission: TipSubmission): Promise<TipReceipt | undefined> {
    const tipId = tipIdFor(tipNo);
    const queryCode = newQueryCode();
    const codeHash = codeHashOf(tipNo, queryCode);
    // The data key is durable in the key store before the ciphertext is appended (ReporterVault.seal).
    const keyRef = reporterKeyRef(tipId, codeHash);
    const reporter: EncryptedReporter | null = submission.reporter && !submission.anonymous ? this.vault.seal(keyRef, submission.reporter) : null;
    const { reporter: _plain, ...rest } = submission;
    try {
      const outcome = await this.tips.run(
        { type: 'SubmitTip', tipId, data: { tipNo, ...rest, evidence: [...rest.evidence], reporter, codeHash } },
        { actor: PUBLIC_ACTOR, commandId: randomUUID(), correlationId: randomUUID(), causationId: tipId },
      );
      return { tipNo, queryCode, receivedAt: outcome.state.exists ? outcome.state.receivedAt : this.clock.now().toISOString() };
    } catch (error) {
      if (!(error instanceof TipError && error.code === 'TIP.ALREADY_EXISTS')) throw error; // the tip may be stored: keep its key
      if (reporter) this.vault.shred(keyRef); // another intake took the number: this attempt's key opens nothing
      return undefined;
    }
  }

  /** Records every number up to ours whose tip exists: an intake that took a lower one may not have got to it yet. */
  private async recordUpTo(year: number, number: number): Promise<void> {
    for (let n = (await this.recordedCount(year)) + 1; n <= number; n++) {
      const tipNo = tipNoFor(year, n);
      if (n === number || (await readTip(this.store, tipNo))) await this.record(year, n, tipNo);
    }
  }

  private async record(year: number, number: number, tipNo: string): Promise<void> {
    try {
      await this.register.run(
        { type: 'RecordTipNumber', year, data: { number, tipNo, tipId: tipIdFor(tipNo) } },
        { actor: SYSTEM_ACTOR, commandId: systemCommandId('RecordTipNumber', tipNo), correlationId: tipNo, causationId: tipNo },
      );
    } catch (error) {
      // A hole below: an earlier number's tip is still being created by another intake; it records it itself.
      if (!(error instanceof DomainError)) throw error;
    }
  }

  private async recordedCount(year: number): Promise<number> {
    const events = await readStreamOrEmpty(this.store, tipSequenceDecoder.streamIdFor(String(year)));
    return foldStored(tipSequenceDecoder, (s: number, e) => Math.max(s, e.data.number), 0, events);
  }
}
