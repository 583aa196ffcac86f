import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { HAZARD_PAGE } from './dto/dashboard-responses.schema';
import type { Database } from 'better-sqlite3';
import { readScopeOf, shownTo } from '@hazard/domain';
import { HazardListFilter, HazardPage, listHazards } from '@hazard/projections';
import { actorOf, AppConfig, Claims, Clock } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { CLOCK } from '../infrastructure/clock.token';
import { READ_MODELS_DB } from './read-models/read-models.provider';
import { ReadYourWrites } from './read-models/read-your-writes';
import { HazardListQueryDto } from '../hazards/dto/hazard-list-query.dto';
import { APP_CONFIG } from '../infrastructure/config.module';
import { foundPeriodOf } from './dashboard-filter';

const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');

/**
 * `GET /hazards`: the list from the read model (not replayed from streams), newest first. Registered by the
 * DashboardModule with the other read-model queries; `GET /hazards/:id` stays with the stream queries.
 */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('hazards')
export class HazardListController {
  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `{items, total, page, pageSize, position}` of the hazards the reader may read (a rectifier's without `source`);
   * regionCode is a prefix; overdue is by the app's clock; from/to the TIME_ZONE days or months it was found in.
   */
  @Get()
  @ApiAnswer('the hazards the reader may read, newest first, from the read models', HAZARD_PAGE)
  @ApiErrors(...SECURED, 400)
  async list(@Query() query: HazardListQueryDto, @CurrentClaims() claims: Claims): Promise<HazardPage> {
    const found = foundPeriodOf(query, this.config.timeZone);
    await this.readYourWrites.atLeast(query.minPosition);
    const filter: HazardListFilter = {
      ...(found && { found }),
      status: query.status,
      sector: query.sector,
      regionCode: query.regionCode,
      level: query.level,
      unitId: query.unitId,
      overdue: flag(query.overdue),
      underSupervision: flag(query.underSupervision),
    };
    const actor = actorOf(claims);
    const page = listHazards(this.db, filter, { page: query.page ?? 1, pageSize: query.pageSize ?? 20 }, this.clock.now(), readScopeOf(actor));
    return shownTo(actor, page);
  }
}
