import { Provider } from '@nestjs/common';
import { documentNumberAggregate, DocumentNumberCommand, DocumentNumberEvent, DocumentNumberState } from '@hazard/domain';
import { AggregateCommandRunner } from '@hazard/event-store';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';

export const DOCUMENT_NUMBER_AGGREGATE = Symbol('DOCUMENT_NUMBER_AGGREGATE');
export const DOCUMENT_NUMBER_RUNNER = Symbol('DOCUMENT_NUMBER_RUNNER');
export type DocumentNumberRunner = AggregateCommandRunner<DocumentNumberCommand, DocumentNumberEvent, DocumentNumberState>;

/**
 * Draws contend on one stream per (prefix, year) across every replica: a conflict rereads and retries, and
 * with many replicas drawing at once it may take more than the usual five attempts.
 */
export const documentNumberProviders: Provider[] = [
  { provide: DOCUMENT_NUMBER_AGGREGATE, useValue: documentNumberAggregate },
  aggregateRunnerProvider(DOCUMENT_NUMBER_RUNNER, DOCUMENT_NUMBER_AGGREGATE, { maxAttempts: 100 }),
];
