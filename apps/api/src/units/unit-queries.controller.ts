import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiAnswerOrFile } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { SELF_REPORTING, UNIT_PAGE, UNIT_VIEW } from './dto/unit-responses.schema';
import { Catalogue } from '@hazard/domain';
import { actorOf, AppConfig, Claims, Clock } from '@hazard/platform';
import { selfCheckPeriod, SelfReportingFigures, UnitView } from '@hazard/projections';
import { FastifyReply } from 'fastify';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { MinPositionQueryDto } from '../dashboard/read-models/min-position-query.dto';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { CreditCode } from './credit-code.param';
import { SelfReportingQueryDto, UnitListQueryDto } from './dto/unit-queries.dto';
import { missingReportsDownload } from './self-reporting-export';
import { UnitPage, UnitReader } from './unit.reader';

/** The registry: one unit (replayed from its stream) and the list (read models). */
@ApiTags('units')
@ApiBearerAuth()
@ApiErrors(...SECURED, 400)
@Controller('units')
export class UnitQueriesController {
  constructor(private readonly units: UnitReader) {}

  /** `{items, total, page, pageSize, position}`, by region code then creditCode; 403 for a rectifier. */
  @Get()
  @ApiAnswer('the registry: units by region code then creditCode', UNIT_PAGE)
  @ApiErrors([403, 'a rectifier lists no units'])
  list(@Query() query: UnitListQueryDto, @CurrentClaims() claims: Claims): Promise<UnitPage> {
    const filter = { regionCode: query.regionCode, type: query.type };
    return this.units.list(filter, actorOf(claims), { page: query.page ?? 1, pageSize: query.pageSize ?? 20 }, query.minPosition);
  }

  /** The registry fields, registeredAt, reports and concealmentSignals; ETag is the stream's revision, for If-Match. */
  @Get(':creditCode')
  @ApiAnswer('one unit replayed from its stream: registry fields, reports, 瞒报 signals; ETag = revision', UNIT_VIEW)
  @ApiErrors([404, 'no such unit, or one the reader may not read'])
  async get(@CreditCode() creditCode: string, @Query() query: MinPositionQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply): Promise<UnitView> {
    const { view, revision } = await this.units.view(creditCode, actorOf(claims), query.minPosition);
    reply.header('ETag', `"${revision}"`);
    return view;
  }
}

const DOWNLOADS = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** 自查自报 figures of a period: expected, reported, rate, missing (csv/xlsx), 瞒报 signals. */
@ApiTags('dashboard')
@ApiBearerAuth()
@ApiErrors(...SECURED, [400, 'period is not YYYY-MM or YYYYQn, or a bad filter'], 403)
@Controller('dashboard')
export class SelfReportingController {
  constructor(
    private readonly units: UnitReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('self-reporting') @ApiProduces(...DOWNLOADS)
  @ApiAnswerOrFile('自查自报 figures of a period: expected, reported, rate, missing (as csv/xlsx too), 瞒报 signals', SELF_REPORTING)
  async selfReporting(@Query() query: SelfReportingQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply): Promise<SelfReportingFigures | string | Buffer> {
    const figures = await this.units.selfReporting({ period: query.period, regionCode: query.regionCode }, actorOf(claims), query.minPosition);
    if (query.format === undefined || query.format === 'json') return figures;
    const context = { position: figures.position, catalogue: this.catalogue, now: this.clock.now() };
    return missingReportsDownload(reply, figures.missing, selfCheckPeriod(query.period, this.config.timeZone), query.format, context);
  }
}
