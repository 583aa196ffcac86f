import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HazardCommand, SupervisionImposed } from '@hazard/domain';
import { eventIdFor } from '@hazard/event-store';
import { AggregateUseCase } from '../edge/commands/aggregate-use-case';
import { describeError } from '../edge/errors/describe-error';
import { HazardCommandResult, hazardCommandResult } from '../hazards/hazard-command-result';
import { HAZARD_RUNNER, HazardRunner } from '../hazards/hazard-use-case';
import { SupervisionNumbering } from './supervision-numbering';

/** API.md: the command response plus the imposition's id and 文号 (null only while the system's number is pending). */
export interface SupervisionResult extends HazardCommandResult {
  readonly supervisionId: string | null;
  readonly documentNo: string | null;
}

/** 挂牌督办 from the REST API: impose, then number it in the same request. */
export class ImposeSupervisionUseCase extends AggregateUseCase<HazardCommand, SupervisionResult> {}

/**
 * Only a recorded imposition draws a number: SupervisionImposed is appended first, then the number is drawn
 * and recorded. If numbering fails after the imposition (store unavailable, a crash), the answer says
 * `documentNo: null` and the process manager on the durable subscription finishes it.
 */
@CommandHandler(ImposeSupervisionUseCase)
export class ImposeSupervisionHandler implements ICommandHandler<ImposeSupervisionUseCase> {
  private readonly logger = new Logger('SupervisionNumbering');

  constructor(
    @Inject(HAZARD_RUNNER) private readonly runner: HazardRunner,
    private readonly numbering: SupervisionNumbering,
  ) {}

  async execute({ command, context }: ImposeSupervisionUseCase): Promise<SupervisionResult> {
    const outcome = await this.runner.run(command, context);
    const imposed = outcome.events.find((e): e is SupervisionImposed => e.type === 'SupervisionImposed');
    const imposedResult = hazardCommandResult(outcome);
    const supervision = outcome.state.exists ? outcome.state.supervision : undefined;
    const supervisionId = imposed?.data.supervisionId ?? supervision?.supervisionId ?? null;
    if (!imposed || imposed.data.numbering !== 'system' || !supervisionId || !imposed.data.imposedAt) {
      return { ...imposedResult, supervisionId, documentNo: supervision?.documentNo ?? null };
    }
    try {
      const { documentNo, result } = await this.numbering.number({
        hazardId: command.hazardId,
        supervisionId,
        imposedAt: imposed.data.imposedAt,
        // The imposition is its command's only event: its id is the first derived from the commandId.
        causeEventId: eventIdFor(context.commandId, 0),
        correlationId: context.correlationId,
      });
      return { ...result, supervisionId, documentNo };
    } catch (error) {
      this.logger.warn(`imposition ${supervisionId} of hazard ${command.hazardId} recorded; its 文号 is left to the process manager: ${describeError(error)}`);
      return { ...imposedResult, supervisionId, documentNo: null };
    }
  }
}
