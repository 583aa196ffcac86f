import { Provider } from '@nestjs/common';
import { RecordTipNumber, TipCommand, TipEvent, TipNumberAllocated, TipSequenceState, TipState, tipAggregateWith, tipSequenceAggregate } from '@hazard/domain';
import { AggregateCommandRunner } from '@hazard/event-store';
import { AppConfig } from '@hazard/platform';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';
import { APP_CONFIG } from '../infrastructure/config.module';

export const TIP_AGGREGATE = Symbol('TIP_AGGREGATE');
export const TIP_RUNNER = Symbol('TIP_RUNNER');
export const TIP_SEQUENCE_AGGREGATE = Symbol('TIP_SEQUENCE_AGGREGATE');
export const TIP_SEQUENCE_RUNNER = Symbol('TIP_SEQUENCE_RUNNER');
export type TipRunner = AggregateCommandRunner<TipCommand, TipEvent, TipState>;
export type TipSequenceRunner = AggregateCommandRunner<RecordTipNumber, TipNumberAllocated, TipSequenceState>;

/** The tip aggregate and its yearly number register, each on the generic command path. */
export const tipRunnerProviders: Provider[] = [
  {
    provide: TIP_AGGREGATE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => tipAggregateWith({ verifyDays: config.tipVerifyDays, feedbackDays: config.tipFeedbackDays }),
  },
  aggregateRunnerProvider(TIP_RUNNER, TIP_AGGREGATE),
  { provide: TIP_SEQUENCE_AGGREGATE, useValue: tipSequenceAggregate },
  // Every intake of every replica records on one register per year: contention retries more than five times.
  aggregateRunnerProvider(TIP_SEQUENCE_RUNNER, TIP_SEQUENCE_AGGREGATE, { maxAttempts: 100 }),
];
