import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { Actor, canReadFiling, Filing, filingAggregate, filingDecoder, FilingNotFoundError, foldStored } from '@hazard/domain';
import { EventStore, RecordedEvent, StreamNotFoundError } from '@hazard/event-store';
import {
  collectCycleFacts,
  differences,
  FilingListFilter,
  FilingListItem,
  HazardFacts,
  LateEntry,
  lateEntries,
  listFilings,
  liveStatisticsFacts,
  periodEnd,
  StatisticsDifference,
  StatisticsQuery,
} from '@hazard/projections';
import { Clock } from '@hazard/platform';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { CLOCK } from '../infrastructure/clock.token';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { StatisticsAnswer, statisticsAnswer } from './statistics-answer';
import { statisticsDefinition } from './statistics-definition';
import { requireReportReader, StatisticsService } from './statistics.service';

/** Events per page when a filing is recomputed from the log. */
const LOG_PAGE = 1000;

/** A filing as recorded, with when it was filed (its event's occurredAt). */
export type FilingRecord = Filing & { readonly filedAt: string };

/** `GET /reports/filings`. */
export interface FilingPage {
  readonly items: readonly FilingListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** `GET /reports/filings/:id`. */
export interface FilingView {
  readonly filing: FilingRecord;
  readonly asFiled: { readonly report: StatisticsAnswer; readonly recomputedDigest: string; readonly digestMatches: boolean };
  readonly asCorrected: { readonly report: StatisticsAnswer };
  readonly differences: readonly StatisticsDifference[];
  readonly lateEntries: readonly LateEntry[];
}

/**
 * Reads a filing from its stream (the source of truth) and checks it: the report as filed is recomputed from
 * the event log up to the filing's position — not from the read models — with its own scope, rows and
 * definitions, and its digest compared with the one filed. Beside it, the same report computed now from the
 * live read models, what differs and the late entries (迟报) that explain it.
 */
@Injectable()
export class FilingReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly statistics: StatisticsService,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** The filing, if it exists and the reader's regions and sectors cover it; else 404 REPORT.FILING_NOT_FOUND (one answer for both). */
  async get(filingId: string, actor: Actor): Promise<FilingRecord> {
    requireReportReader(actor);
    const events = await this.events(filingId);
    const { decider } = filingAggregate;
    const state = foldStored(filingDecoder, decider.evolve, decider.initialState(), events);
    if (!state.exists || !events[0] || !canReadFiling(actor, state.filing)) throw new FilingNotFoundError(filingId);
    return { ...state.filing, filedAt: events[0].metadata.occurredAt };
  }

  /** The filings the filter matches that the reader's regions and sectors cover, newest filed first, one page. */
  list(filter: FilingListFilter, actor: Actor, paging: { readonly page: number; readonly pageSize: number }): FilingPage {
    const readable = listFilings(this.db, filter).items.filter((item) => canReadFiling(actor, item));
    const { page, pageSize } = paging;
    return { items: readable.slice((page - 1) * pageSize, page * pageSize), total: readable.length, page, pageSize };
  }

  async view(filingId: string, actor: Actor, minPosition?: number): Promise<FilingView> {
    const filing = await this.get(filingId, actor);
    const asFiled = await this.asFiled(filing);
    // The corrected side reads the live models: never older than the filing itself.
    await this.readYourWrites.atLeast(Math.max(minPosition ?? 0, filing.position));
    const live = liveStatisticsFacts(this.db, { regionCode: filing.regionCode });
    const compute = statisticsDefinition(filing.definitionVersion);
    const corrected = statisticsAnswer(compute(live.facts, { ...queryOf(filing), end: periodEnd(filing, this.clock.now().toISOString()) }, this.statistics.names), live.position);
    return {
      filing,
      asFiled: { report: asFiled, recomputedDigest: asFiled.digest, digestMatches: asFiled.digest === filing.digest },
      asCorrected: { report: corrected },
      differences: differences(asFiled, corrected),
      lateEntries: lateEntries(live.facts, filing.position, filing.to, { regionCode: filing.regionCode, sectors: filing.sectors }),
    };
  }

  /** The report as filed: every event of the log up to the filing's position, folded by `collectCycleFacts`, end = to. */
  async asFiled(filing: Filing): Promise<StatisticsAnswer> {
    const facts = await this.factsFromLog(filing.position);
    const compute = statisticsDefinition(filing.definitionVersion);
    return statisticsAnswer(compute(facts.values(), { ...queryOf(filing), asOfPosition: filing.position }, this.statistics.names), filing.position);
  }

  private async factsFromLog(upTo: number): Promise<Map<string, HazardFacts>> {
    const facts = new Map<string, HazardFacts>();
    for (let after = 0; after < upTo; ) {
      const page = await this.store.readAll({ after, maxCount: LOG_PAGE });
      const last = page[page.length - 1];
      if (!last) break;
      collectCycleFacts(page.filter((e) => e.position <= upTo), facts);
      after = last.position;
    }
    return facts;
  }

  private async events(filingId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(filingDecoder.streamIdFor(filingId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new FilingNotFoundError(filingId);
      throw error;
    }
  }
}

/** The filing's own query: its scope, its rows, end = to (a filing is of an ended period). */
function queryOf(filing: Filing): StatisticsQuery {
  const { period, from, to, timeZone, regionCode, sectors, groupBy, rowKeys } = filing;
  return { period, from, to, end: to, timeZone, regionCode, sectors, groupBy, rowKeys };
}
