import { Provider } from '@nestjs/common';
import { NoticeCommand, NoticeEvent, NoticeState, noticeAggregate } from '@hazard/domain';
import { AggregateCommandRunner } from '@hazard/event-store';
import { aggregateRunnerProvider } from '../../edge/commands/aggregate-runner.provider';

export const NOTICE_AGGREGATE = Symbol('NOTICE_AGGREGATE');
/** The notice streams (`notices-<hazardId>`) on the generic command path; the ladder and the delivery worker share it. */
export const NOTICE_RUNNER = Symbol('NOTICE_RUNNER');
export type NoticeRunner = AggregateCommandRunner<NoticeCommand, NoticeEvent, NoticeState>;

/** Provided once, by DeliveryModule, which exports NOTICE_RUNNER: one runner, so one per-stream lock, per process. */
export const noticeRunnerProviders: Provider[] = [
  { provide: NOTICE_AGGREGATE, useValue: noticeAggregate },
  aggregateRunnerProvider(NOTICE_RUNNER, NOTICE_AGGREGATE),
];
