import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@hazard/domain';
import { AppConfig } from '@hazard/platform';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { HazardCommandResult, hazardCommandResult } from '../hazards/hazard-command-result';
import { HAZARD_RUNNER, HazardRunner } from '../hazards/hazard-use-case';
import { APP_CONFIG } from '../infrastructure/config.module';
import { systemCommandId } from '../edge/commands/system-command-id';
import { DOCUMENT_NUMBER_RUNNER, DocumentNumberRunner } from './document-number.runner';

/** The imposition to number and the event that recorded it (the numbering's cause). */
export interface UnnumberedImposition {
  readonly hazardId: string;
  readonly supervisionId: string;
  readonly imposedAt: string;
  readonly causeEventId: string;
  readonly correlationId: string;
}

/**
 * 文号 for a system-numbered imposition: draw from the (SUPERVISION_DOC_PREFIX, year in TIME_ZONE) sequence,
 * then record it on the hazard by NumberSupervisionDocument. Both commands have ids derived from the
 * supervisionId, so running this again — the request's own run, the process manager after a crash, a
 * redelivered event — draws nothing new and appends nothing: each number is drawn once and recorded once.
 */
@Injectable()
export class SupervisionNumbering {
  constructor(
    @Inject(DOCUMENT_NUMBER_RUNNER) private readonly numbers: DocumentNumberRunner,
    @Inject(HAZARD_RUNNER) private readonly hazards: HazardRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async number(imposition: UnnumberedImposition): Promise<{ readonly documentNo: string; readonly result: HazardCommandResult }> {
    const { hazardId, supervisionId, imposedAt } = imposition;
    const prefix = this.config.supervisionDocPrefix;
    const year = DateTime.fromISO(imposedAt, { setZone: true }).setZone(this.config.timeZone).year;
    const sequenceId = `${year}-${createHash('sha256').update(prefix).digest('hex').slice(0, 16)}`;
    const context = (verb: string) => ({
      actor: SYSTEM_ACTOR,
      commandId: systemCommandId(verb, supervisionId),
      correlationId: imposition.correlationId,
      causationId: imposition.causeEventId,
    });
    const drawn = await this.numbers.run({ type: 'DrawDocumentNumber', sequenceId, data: { prefix, year, hazardId, supervisionId } }, context('DrawDocumentNumber'));
    const assigned = drawn.state.drawn[supervisionId];
    if (!assigned) throw new Error(`the 文号 sequence ${sequenceId} answered without a number for imposition ${supervisionId}`);
    const recorded = await this.hazards.run(
      { type: 'NumberSupervisionDocument', hazardId, data: { supervisionId, documentNo: assigned.documentNo, number: assigned.number } },
      context('NumberSupervisionDocument'),
    );
    return { documentNo: assigned.documentNo, result: hazardCommandResult(recorded) };
  }
}
