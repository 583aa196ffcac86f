import { Module } from '@nestjs/common';
import { HazardListController } from '../hazards/hazard-list.controller';
import { ProjectionsModule } from '../projections/projections.module';
import { DashboardController } from './dashboard.controller';

/**
 * The read-model queries: the dashboard and `GET /hazards` (the list lives with the other hazard routes'
 * files but is served from the read model, so it is registered here, beside the projector it waits on).
 */
@Module({
  imports: [ProjectionsModule],
  controllers: [DashboardController, HazardListController],
})
export class DashboardModule {}
