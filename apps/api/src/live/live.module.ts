import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { LiveController } from './live.controller';
import { LiveStreams } from './live-streams';

/** `GET /api/v1/stream`: the projector's committed changes as server-sent events, for live dashboards. */
@Module({
  imports: [ProjectionsModule],
  controllers: [LiveController],
  providers: [LiveStreams],
})
export class LiveModule {}
