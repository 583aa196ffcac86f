import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { Actor, Catalogue, FileStatisticsReport, ForbiddenError, hasSector, mayReadReports, readScopeOf, Unstamped } from '@hazard/domain';
import { GroupBy, liveStatisticsFacts, parsePeriod, periodEnd, periodHasBegun, rowKeysOf, StatisticsCatalogue, StatisticsPeriod } from '@hazard/projections';
import { AppConfig, Clock } from '@hazard/platform';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { StatisticsAnswer, statisticsAnswer } from './statistics-answer';
import { statisticsCatalogueOf } from './statistics-catalogue';
import { STATISTICS_DEFINITION_VERSION, statisticsDefinition } from './statistics-definition';

/** What a report is asked for; absent sectors mean all, absent groupBy `region`. */
export interface StatisticsRequest {
  readonly period: string;
  readonly regionCode?: string | null;
  readonly sectors?: readonly string[] | null;
  readonly groupBy?: GroupBy;
}

/**
 * Period statistics from the live read models: the facts and the projector's position from one snapshot, only
 * the hazards the reader may read (readScopeOf, the lists' rule, applied by the facts query), end = min(to, now) by
 * the app's clock, periods in TIME_ZONE.
 */
@Injectable()
export class StatisticsService {
  readonly names: StatisticsCatalogue;

  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.names = statisticsCatalogueOf(catalogue);
  }

  live(request: StatisticsRequest, actor: Actor): StatisticsAnswer {
    requireReportReader(actor);
    this.requireCatalogueSectors(request.sectors);
    return this.compute(request, actor);
  }

  /**
   * The live report a filer files and the command recording it: sectors default to the filer's own. The domain
   * decides whether it may be filed (who, and only an ended period).
   */
  filing(request: StatisticsRequest, actor: Actor, commandId: string): { report: StatisticsAnswer; command: Unstamped<FileStatisticsReport> } {
    requireReportReader(actor);
    this.requireCatalogueSectors(request.sectors);
    const report = this.compute({ ...request, sectors: request.sectors ?? ownSectors(actor) }, actor);
    const { period, from, to, timeZone, regionCode, sectors, groupBy, position, digest } = report;
    const data = { commandId, period, from, to, timeZone, regionCode, sectors, groupBy, rowKeys: rowKeysOf(report), position, digest };
    return { report, command: { type: 'FileStatisticsReport', data: { ...data, definitionVersion: STATISTICS_DEFINITION_VERSION, catalogueVersion: this.catalogue.version } } };
  }

  private compute(request: StatisticsRequest, actor: Actor): StatisticsAnswer {
    const now = this.clock.now().toISOString();
    const period = this.begunPeriod(request.period, now);
    const { facts, position } = liveStatisticsFacts(this.db, { regionCode: request.regionCode, scope: readScopeOf(actor) });
    const compute = statisticsDefinition(STATISTICS_DEFINITION_VERSION);
    const query = { ...period, end: periodEnd(period, now), regionCode: request.regionCode ?? null, sectors: request.sectors ?? null, groupBy: request.groupBy ?? 'region' };
    return statisticsAnswer(compute(facts, query, this.names), position);
  }

  private begunPeriod(text: string, now: string): StatisticsPeriod {
    const period = parsePeriod(text, this.config.timeZone); // PeriodError: 400 REPORT.INVALID_PERIOD naming `period`
    if (!periodHasBegun(period, now)) {
      throw new BadRequestException({
        message: `period ${text} has not begun: it starts ${period.from}`,
        code: 'REPORT.INVALID_PERIOD',
        details: { field: 'period', value: text, from: period.from },
      });
    }
    return period;
  }

  private requireCatalogueSectors(sectors: readonly string[] | null | undefined): void {
    const unknown = (sectors ?? []).filter((code) => !hasSector(this.catalogue, code));
    if (unknown.length > 0) {
      throw new BadRequestException({
        message: `sectors: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a sector' : 'are not sectors'} of the catalogue`,
        code: 'CATALOGUE.UNKNOWN_SECTOR',
        details: { field: 'sectors', unknown },
      });
    }
  }
}

/** Reports: any role but `rectifier` (403). */
export function requireReportReader(actor: Actor): void {
  if (!mayReadReports(actor)) throw new ForbiddenError('reports are read by every role but rectifier');
}

/** A filing's default sectors: the filer's (`*` or none listed: all). */
function ownSectors(actor: Actor): readonly string[] | null {
  const sectors = actor.sectors ?? [];
  return sectors.length === 0 || sectors.includes('*') ? null : sectors;
}
