import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FilingCommand, FilingEvent, FilingState, Unstamped } from '@hazard/domain';
import { AggregateCommandRunner } from '@hazard/event-store';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { AggregateUseCase } from '../edge/commands/aggregate-use-case';
import { RequestContext } from '../edge/request-context/request-context';
import { FilingReader } from './filing.reader';
import { StatisticsAnswer } from './statistics-answer';

/** The filing aggregate (`filingAggregate`), a provider so the runner is built like every other. */
export const FILING_AGGREGATE = Symbol('FILING_AGGREGATE');
/** The filing's generic command path: `aggregateRunnerProvider(FILING_RUNNER, FILING_AGGREGATE)`. */
export const FILING_RUNNER = Symbol('FILING_RUNNER');
export type FilingRunner = AggregateCommandRunner<FilingCommand, FilingEvent, FilingState>;

/** `POST /reports/filings`' answer: the filing and the report it records. */
export interface FilingResult {
  readonly filingId: string;
  readonly position: number;
  readonly digest: string;
  readonly report: StatisticsAnswer;
}

/** FileStatisticsReport on the CommandBus, with the report the edge computed for it. */
export class FilingUseCase extends AggregateUseCase<FilingCommand, FilingResult> {
  constructor(
    command: Unstamped<FilingCommand>,
    context: RequestContext,
    readonly report: StatisticsAnswer,
  ) {
    super(command, context);
  }
}

@CommandHandler(FilingUseCase)
export class FilingUseCaseHandler implements ICommandHandler<FilingUseCase> {
  constructor(
    @Inject(FILING_RUNNER) private readonly runner: FilingRunner,
    private readonly filings: FilingReader,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ command, context, report }: FilingUseCase): Promise<FilingResult> {
    const { id, state, position: recordedAt } = await this.runner.run(command, context);
    if (!state.exists) throw new Error(`filing ${id} has no state after a successful command`);
    // The answer's `position` is the filing's (what its figures stand at), so a client has no position to wait
    // for the list with: wait here, bounded, until this replica's list holds the filing. It is durable either way.
    await this.readYourWrites.atLeast(recordedAt).catch(() => undefined);
    const filed = state.filing;
    // A retried command is answered from its stream: then the report is the one filed back then, recomputed.
    const asComputed = filed.digest === report.digest && filed.position === report.position;
    return { filingId: filed.filingId, position: filed.position, digest: filed.digest, report: asComputed ? report : await this.filings.asFiled(filed) };
  }
}
