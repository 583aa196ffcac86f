import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiAnswerOrFile, XLSX_TYPE as XLSX_FILE } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED, WITH_BODY } from '../edge/openapi/api-errors.decorator';
import { FILING_PAGE, FILING_RESULT, FILING_VIEW } from './dto/report-responses.schema';
import { actorOf, Claims, Clock } from '@hazard/platform';
import { FastifyReply } from 'fastify';
import { MinPositionQueryDto } from '../dashboard/read-models/min-position-query.dto';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { IdempotencyInterceptor } from '../edge/idempotency/idempotency.interceptor';
import { RequestContext } from '../edge/request-context/request-context';
import { CommandContext } from '../edge/request-context/request-context.decorator';
import { CLOCK } from '../infrastructure/clock.token';
import { FileStatisticsReportDto } from './dto/file-statistics-report.dto';
import { FilingListQueryDto } from './dto/filing-list-query.dto';
import { FilingQueryDto } from './dto/filing-query.dto';
import { FilingResult, FilingUseCase } from './filing-use-case';
import { FilingPage, FilingReader } from './filing.reader';
import { statisticsDownload, XLSX_TYPE } from './statistics-download';
import { requireReportReader, StatisticsService } from './statistics.service';

/** 报送: filing an ended period's 统计分析表, and reading filings back against the log. */
@ApiTags('reports')
@ApiBearerAuth()
@ApiErrors(...SECURED)
@Controller('reports/filings')
export class FilingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly statistics: StatisticsService,
    private readonly filings: FilingReader,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 201 `{filingId, position, digest, report}`: the live report at the read models' position, recorded as filed. */
  @Post() @HttpCode(201)
  @ApiAnswer('报送: file an ended period’s 统计分析表 at the read models’ position', FILING_RESULT, { status: 201 })
  @ApiErrors(...WITH_BODY, [403, 'not allowed to file for this region or sector'], 409, [422, 'the period has not ended'])
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body replays the first response; the filing is named by it' })
  async file(@Body() body: FileStatisticsReportDto, @Query() query: MinPositionQueryDto, @CommandContext() ctx: RequestContext): Promise<FilingResult> {
    await this.readYourWrites.atLeast(query.minPosition);
    const request = { period: body.period, regionCode: body.regionCode, sectors: body.sectors, groupBy: body.groupBy };
    const { command, report } = this.statistics.filing(request, ctx.actor, ctx.commandId);
    return this.commands.execute(new FilingUseCase(command, ctx, report));
  }

  /** `{items, total, page, pageSize}`: the filings the reader's regions and sectors cover, newest filed first. */
  @Get()
  @ApiAnswer('the filings the reader’s regions and sectors cover, newest filed first', FILING_PAGE)
  @ApiErrors(400, [403, 'a rectifier reads no filings'])
  async list(@Query() query: FilingListQueryDto, @CurrentClaims() claims: Claims): Promise<FilingPage> {
    const actor = actorOf(claims);
    requireReportReader(actor);
    await this.readYourWrites.atLeast(query.minPosition);
    return this.filings.list({ period: query.period, regionCode: query.regionCode }, actor, { page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
  }

  /** As filed (recomputed from the log, digest checked), as corrected (now), differences and late entries; or `?format=xlsx`. */
  @Get(':id') @ApiProduces('application/json', XLSX_TYPE)
  @ApiAnswerOrFile('a filing as filed (recomputed from the log, digest checked), as corrected now, differences and late entries', FILING_VIEW, [XLSX_FILE])
  @ApiErrors(400, 403, [404, 'no such filing, or one the reader may not read'])
  async get(@Param('id') id: string, @Query() query: FilingQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.filings.view(id, actorOf(claims), query.minPosition);
    if (query.format !== 'xlsx') return view;
    const { filing, asFiled, asCorrected } = view;
    return statisticsDownload(reply, asFiled.report, {
      position: filing.position,
      catalogue: this.statistics.names,
      filing: { filingId: filing.filingId, digest: filing.digest },
      corrected: { report: asCorrected.report, position: asCorrected.report.position, differences: view.differences, lateEntries: view.lateEntries },
      createdAt: this.clock.now(),
    });
  }
}
