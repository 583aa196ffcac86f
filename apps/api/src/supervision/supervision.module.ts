import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadModelsModule } from '../dashboard/read-models/read-models.module';
import { HazardsModule } from '../hazards/hazards.module';
import { PublicSupervisionController } from './public-supervision.controller';
import { documentNumberProviders } from './document-number.runner';
import { ImposeSupervisionHandler } from './impose-supervision.use-case';
import { SupervisionController } from './supervision.controller';
import { SupervisionNumbering } from './supervision-numbering';

/**
 * 挂牌督办 as a formal act: imposition with its 文号 (the document-number sequences are an aggregate of their
 * own, run by the generic command path), for the REST API and the numbering process manager alike.
 */
@Module({
  imports: [CqrsModule, HazardsModule, ReadModelsModule],
  controllers: [SupervisionController, PublicSupervisionController],
  providers: [...documentNumberProviders, SupervisionNumbering, ImposeSupervisionHandler],
  exports: [SupervisionNumbering],
})
export class SupervisionModule {}
