import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiAnswerOrFile, XLSX_TYPE as XLSX_FILE } from '../edge/openapi/api-answer.decorator';
import { ApiErrors, SECURED } from '../edge/openapi/api-errors.decorator';
import { STATISTICS } from './dto/report-responses.schema';
import { FastifyReply } from 'fastify';
import { actorOf, Claims, Clock } from '@hazard/platform';
import { CurrentClaims } from '../edge/auth/current-claims.decorator';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { CLOCK } from '../infrastructure/clock.token';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { statisticsDownload, XLSX_TYPE } from './statistics-download';
import { StatisticsService } from './statistics.service';

/** 统计分析表 (16号令 Art. 14, 24) from the live read models, for any role but rectifier. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `{period, from, to, end, timeZone, regionCode, sectors, groupBy, position, digest, rows, total}`, or `?format=xlsx`. */
  @Get('statistics') @ApiProduces('application/json', XLSX_TYPE)
  @ApiAnswerOrFile('统计分析表 of a period from the live read models, rows grouped by region, sector, level or source', STATISTICS, [XLSX_FILE])
  @ApiErrors(...SECURED, [400, 'period is not YYYY, YYYYQn or YYYY-MM, or a bad filter'], [403, 'a rectifier reads no statistics'])
  async statisticsOf(@Query() query: StatisticsQueryDto, @CurrentClaims() claims: Claims, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readYourWrites.atLeast(query.minPosition);
    const report = this.statistics.live({ period: query.period, regionCode: query.regionCode, sectors: query.sectors, groupBy: query.groupBy }, actorOf(claims));
    if (query.format !== 'xlsx') return report;
    return statisticsDownload(reply, report, { position: report.position, catalogue: this.statistics.names, createdAt: this.clock.now() });
  }
}
