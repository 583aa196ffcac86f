import { Module } from '@nestjs/common';
import { DashboardPageController } from './dashboard-page.controller';
import { WebAssets } from './web-assets';

/** The live dashboard page at `/dashboard`; its source is apps/dashboard-web, built by `npm run build:web`. */
@Module({
  controllers: [DashboardPageController],
  providers: [WebAssets],
})
export class DashboardPageModule {}
