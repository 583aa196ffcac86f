import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Database } from 'better-sqlite3';
import { dashboardSummary, DashboardSummary, departmentScorecards, overdueHazards, repeatUnits } from '@hazard/projections';
import { Catalogue, readScopeOf } from '@hazard/domain';
import { FastifyReply } from 'fastify';
import { actorOf, Claims, Clock } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { CLOCK } from '../infrastructure/clock.token';
import { MinPositionQueryDto } from './read-models/min-position-query.dto';
import { READ_MODELS_DB } from './read-models/read-models.provider';
import { ReadYourWrites } from './read-models/read-your-writes';
import { DashboardListQueryDto } from './dto/dashboard-list-query.dto';
import { DEPARTMENTS_TABLE, OVERDUE_TABLE, REPEAT_UNITS_TABLE } from './export/dashboard-tables';
import { listResponse } from './export/list-response';

const DOWNLOADS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * Dashboard figures and lists from the read models, over the hazards the reader may read (readScopeOf); time-dependent
 * figures use the app's CLOCK, downloads name codes from the CATALOGUE.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** 隐患总数, counts by status/sector/region/level/source (none for a rectifier), 整改率, 按期整改率, 逾期, 重大隐患, 挂牌督办, 重复发现率. */
  @Get('summary')
  async summary(@Query() query: MinPositionQueryDto, @CurrentClaims() claims: Claims): Promise<DashboardSummary> {
    await this.readYourWrites.atLeast(query.minPosition);
    return dashboardSummary(this.db, this.clock.now(), readScopeOf(actorOf(claims)));
  }

  /** Hazards overdue now, most overdue first, with days overdue. */
  @Get('overdue') @ApiProduces(...DOWNLOADS)
  async overdue(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readYourWrites.atLeast(query.minPosition);
    const now = this.clock.now();
    const list = overdueHazards(this.db, now, query.limit, readScopeOf(actorOf(claims)));
    return listResponse(reply, list, OVERDUE_TABLE, query.format, now, this.catalogue);
  }

  /** 屡查屡犯: units ranked by how often their hazards were found again. */
  @Get('repeat-units') @ApiProduces(...DOWNLOADS)
  async repeatUnits(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readYourWrites.atLeast(query.minPosition);
    const list = repeatUnits(this.db, query.limit, readScopeOf(actorOf(claims)));
    return listResponse(reply, list, REPEAT_UNITS_TABLE, query.format, this.clock.now(), this.catalogue);
  }

  /** Per supervising department: assigned, verified, on-time rate, overdue days, verifications that did not hold. */
  @Get('departments') @ApiProduces(...DOWNLOADS)
  async departments(@Query() query: DashboardListQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readYourWrites.atLeast(query.minPosition);
    const now = this.clock.now();
    const list = departmentScorecards(this.db, now, readScopeOf(actorOf(claims)));
    return listResponse(reply, query.limit ? { ...list, items: list.items.slice(0, query.limit) } : list, DEPARTMENTS_TABLE, query.format, now, this.catalogue);
  }
}
