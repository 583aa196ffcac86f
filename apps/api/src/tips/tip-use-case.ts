import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TipCommand } from '@hazard/domain';
import { AggregateUseCase } from '../edge/commands/aggregate-use-case';
import { ReporterVault } from '@hazard/platform';
import { REPORTER_VAULT, reporterKeyRef } from './reporter-vault.provider';
import { TIP_RUNNER, TipRunner } from './tip-runners';

/** API.md: a tip command answers `{tipId, tipNo, status, revision, position}` (a reward adds `amountYuan`). */
export interface TipCommandResult {
  readonly tipId: string;
  readonly tipNo: string;
  readonly status: string;
  readonly revision: number;
  readonly position: number;
  readonly amountYuan?: number;
}

/** Every tip officer's command on the CommandBus. */
export class TipUseCase extends AggregateUseCase<TipCommand, TipCommandResult> {}

@CommandHandler(TipUseCase)
export class TipUseCaseHandler implements ICommandHandler<TipUseCase> {
  constructor(
    @Inject(TIP_RUNNER) private readonly runner: TipRunner,
    @Inject(REPORTER_VAULT) private readonly vault: ReporterVault,
  ) {}

  async execute({ command, context }: TipUseCase): Promise<TipCommandResult> {
    const { id, state, revision, position } = await this.runner.run(command, context);
    if (!state.exists) throw new Error(`tip ${id} has no state after a successful command`);
    // Erasure is recorded, then the key destroyed (crypto-shredding); the IdentityShredder finishes it after a crash.
    if (command.type === 'EraseReporterIdentity') this.vault.shred(reporterKeyRef(id, state.codeHash));
    return { tipId: id, tipNo: state.tipNo, status: state.status, revision, position, ...(state.reward && command.type === 'DecideReward' ? { amountYuan: state.reward.amountYuan } : {}) };
  }
}
