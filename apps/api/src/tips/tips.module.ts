import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadModelsModule } from '../dashboard/read-models/read-models.module';
import { PublicTipsController } from './public-tips.controller';
import { TipListController } from './tip-list.controller';
import { ReporterIdentityReader } from './reporter-identity.reader';
import { REPORTER_VAULT, reporterVaultProvider } from './reporter-vault.provider';
import { TipCommandsController } from './tip-commands.controller';
import { TipIntake } from './tip-intake';
import { TipQueriesController } from './tip-queries.controller';
import { TIP_RUNNER, tipRunnerProviders } from './tip-runners';
import { TipUseCaseHandler } from './tip-use-case';

/** 群众举报: public intake, the tip officer's procedure, and identity protection (the reporter vault). */
@Module({
  imports: [CqrsModule, ReadModelsModule],
  controllers: [PublicTipsController, TipCommandsController, TipQueriesController, TipListController],
  providers: [...tipRunnerProviders, reporterVaultProvider, TipIntake, TipUseCaseHandler, ReporterIdentityReader],
  exports: [TIP_RUNNER, REPORTER_VAULT],
})
export class TipsModule {}
