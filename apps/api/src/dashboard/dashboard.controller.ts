import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { dashboardSummary, DashboardSummary, dashboardTrend, DashboardTrend, departmentScorecards, overdueHazards, repeatUnits } from '@hazard/projections';
import { Catalogue, readScopeOf } from '@hazard/domain';
import { FastifyReply } from 'fastify';
import { actorOf, AppConfig, Claims, Clock } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { READ_MODELS_DB } from './read-models/read-models.provider';
import { ReadYourWrites } from './read-models/read-your-writes';
import { DashboardFilterQueryDto } from './dto/dashboard-filter-query.dto';
import { DashboardListQueryDto } from './dto/dashboard-list-query.dto';
import { dashboardFilterOf, trendQueryOf } from './dashboard-filter';
import { TREND_SCHEMA } from './dashboard-trend.schema';
import { ApiAnswerOrFile } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { DASHBOARD_SUMMARY, DEPARTMENTS_LIST, OVERDUE_LIST, REPEAT_UNITS_LIST } from './dto/dashboard-responses.schema';
import { DEPARTMENTS_TABLE, OVERDUE_TABLE, REPEAT_UNITS_TABLE } from './export/dashboard-tables';
import { listResponse } from './export/list-response';

const DOWNLOADS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Dashboard figures and lists from the read models, over the hazards the reader may read (readScopeOf); time-dependent
 * figures use the app's CLOCK, downloads name codes from the CATALOGUE.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiErrors(...SECURED, [400, 'a bad filter: the message names it (from, to, sector, regionCode, limit, format…)'])
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** 隐患总数, counts by status/sector/region/level/source (none for a rectifier), 整改率, 按期整改率, 逾期, 重大隐患, 挂牌督办, 重复发现率. */
  @Get('summary')
  @ApiOperation({ summary: 'the dashboard figures over the hazards found in from–to (TIME_ZONE days) in the sector and region' })
  @ApiOkResponse({ schema: DASHBOARD_SUMMARY })
  async summary(@Query() query: DashboardFilterQueryDto, @CurrentClaims() claims: Claims): Promise<DashboardSummary> {
    const filter = this.filterOf(query);
    await this.readYourWrites.atLeast(query.minPosition);
    return dashboardSummary(this.db, this.clock.now(), readScopeOf(actorOf(claims)), filter);
  }

  /**
   * Per TIME_ZONE month: cycles found (opened) and rectified (first passed verification), as the 统计分析表 counts
   * 排查隐患 and 已整改, so a month here equals the month's report.
   */
  @Get('trend')
  @ApiOperation({ summary: 'monthly trend: found vs rectified per TIME_ZONE month of from–to (default the last 12 months)' })
  @ApiOkResponse({ schema: TREND_SCHEMA })
  async trend(@Query() query: DashboardFilterQueryDto, @CurrentClaims() claims: Claims): Promise<DashboardTrend> {
    const { buckets, filter } = trendQueryOf(query, this.catalogue, this.config.timeZone, this.clock.now());
    await this.readYourWrites.atLeast(query.minPosition);
    return dashboardTrend(this.db, buckets, readScopeOf(actorOf(claims)), filter);
  }

  /** Hazards overdue now, most overdue first, with days overdue. */
  @Get('overdue') @ApiProduces(...DOWNLOADS)
  @ApiAnswerOrFile('hazards overdue now, most overdue first, with days overdue', OVERDUE_LIST)
  async overdue(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    const filter = this.filterOf(query);
    await this.readYourWrites.atLeast(query.minPosition);
    const now = this.clock.now();
    const list = overdueHazards(this.db, now, query.limit, readScopeOf(actorOf(claims)), filter);
    return listResponse(reply, list, OVERDUE_TABLE, query.format, now, this.catalogue);
  }

  /** 屡查屡犯: units ranked by how often their hazards were found again. */
  @Get('repeat-units') @ApiProduces(...DOWNLOADS)
  @ApiAnswerOrFile('屡查屡犯: units ranked by how often their hazards were found again', REPEAT_UNITS_LIST)
  async repeatUnits(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    const filter = this.filterOf(query);
    await this.readYourWrites.atLeast(query.minPosition);
    const list = repeatUnits(this.db, query.limit, readScopeOf(actorOf(claims)), filter);
    return listResponse(reply, list, REPEAT_UNITS_TABLE, query.format, this.clock.now(), this.catalogue);
  }

  /** Per supervising department: assigned, verified, on-time rate, overdue days, verifications that did not hold. */
  @Get('departments') @ApiProduces(...DOWNLOADS)
  @ApiAnswerOrFile('per supervising department: assigned, verified, on-time rate, overdue days, verifications that did not hold', DEPARTMENTS_LIST)
  async departments(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    const filter = this.filterOf(query);
    await this.readYourWrites.atLeast(query.minPosition);
    const now = this.clock.now();
    const list = departmentScorecards(this.db, now, readScopeOf(actorOf(claims)), filter);
    return listResponse(reply, query.limit ? { ...list, items: list.items.slice(0, query.limit) } : list, DEPARTMENTS_TABLE, query.format, now, this.catalogue);
  }

  private filterOf(query: DashboardFilterQueryDto) {
    return dashboardFilterOf(query, this.catalogue, this.config.timeZone);
  }
}
