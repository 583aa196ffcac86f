import { Global, Module } from '@nestjs/common';
import { ConsumerPositions } from './consumer-positions';
import { HttpMetricsHook } from './http-metrics.hook';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics and the one Metrics registry, global so the command runners and the store provider can report to it. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, ConsumerPositions, HttpMetricsHook],
  exports: [Metrics],
})
export class MetricsModule {}
