import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { HazardListController } from './hazard-list.controller';
import { DashboardPageController } from './page/dashboard-page.controller';
import { BuiltAssets } from '../web-pages/built-assets';
import { DASHBOARD_ASSETS } from '../web-pages/page-assets.tokens';
import { ReadModelsModule } from './read-models/read-models.module';
import { LiveController } from './stream/live.controller';
import { LiveStreams } from './stream/live-streams';

/**
 * Everything served from the read models: `GET /hazards` (the list), the dashboard figures and lists with
 * their exports, the live stream (`GET /stream`, SSE) and the wall-display page at `/dashboard` (its source is
 * apps/dashboard-web, built by `npm run build:web`). The projector that keeps the read models is in
 * read-models/.
 */
@Module({
  imports: [ReadModelsModule],
  controllers: [HazardListController, DashboardController, LiveController, DashboardPageController],
  providers: [LiveStreams, { provide: DASHBOARD_ASSETS, useFactory: () => new BuiltAssets('dashboard-web') }],
})
export class DashboardModule {}
