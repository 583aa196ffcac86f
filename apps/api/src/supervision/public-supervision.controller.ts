import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors } from '../edge/openapi/api-errors.decorator';
import { PUBLIC_SUPERVISION_PAGE } from './supervision-responses.schema';
import type { Database } from 'better-sqlite3';
import { Catalogue, regionName, sectorName } from '@hazard/domain';
import { listPublishedSupervisions } from '@hazard/projections';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { Public } from '../edge/auth/public.decorator';
import { PublicListQueryDto } from './public-list-query.dto';

/**
 * 公示: the hazards under 挂牌督办 whose notice was published, for anyone, without a token. Exactly the ten
 * public fields (level and authorityLevel as codes, labelled by GET /catalogue): the summary is the only text
 * of the hazard the public sees; no ids, people or descriptions.
 */
@ApiTags('public')
@Public()
@Controller('public/supervised-hazards')
export class PublicSupervisionController {
  constructor(
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Get()
  @ApiAnswer('公示: published 挂牌督办 notices, newest first', PUBLIC_SUPERVISION_PAGE)
  @ApiErrors(400, 429, 503)
  list(@Query() query: PublicListQueryDto) {
    const filter = { regionCode: query.regionCode, sector: query.sector, authorityLevel: query.authorityLevel, active: query.active === undefined ? undefined : query.active === 'true' };
    const { items, total, page, pageSize } = listPublishedSupervisions(this.db, filter, { page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    return {
      items: items.map((r) => ({
        documentNo: r.documentNo,
        unitName: r.unitName,
        summary: r.summary,
        sectorName: sectorName(this.catalogue, r.sector),
        regionName: regionName(this.catalogue, r.regionCode),
        level: r.level,
        authorityLevel: r.authorityLevel,
        imposedAt: r.imposedAt,
        deadline: r.deadline,
        liftedAt: r.liftedAt,
      })),
      total,
      page,
      pageSize,
    };
  }
}
