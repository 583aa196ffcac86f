import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { filingAggregate } from '@hazard/domain';
import { ReadModelsModule } from '../dashboard/read-models/read-models.module';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';
import { FILING_AGGREGATE, FILING_RUNNER, FilingUseCaseHandler } from './filing-use-case';
import { FilingReader } from './filing.reader';
import { FilingsController } from './filings.controller';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/**
 * Period statistics and filings (统计分析表, 报送): reports from the live read models, and the filing aggregate
 * run by the generic command path, each filing read back against the log.
 */
@Module({
  imports: [CqrsModule, ReadModelsModule],
  controllers: [StatisticsController, FilingsController],
  providers: [
    { provide: FILING_AGGREGATE, useValue: filingAggregate },
    aggregateRunnerProvider(FILING_RUNNER, FILING_AGGREGATE),
    FilingUseCaseHandler,
    FilingReader,
    StatisticsService,
  ],
})
export class ReportsModule {}
