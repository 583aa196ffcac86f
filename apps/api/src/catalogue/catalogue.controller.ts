import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors } from '../edge/openapi/api-errors.decorator';
import { CATALOGUE_SCHEMA } from './catalogue-responses.schema';
import { Catalogue, VALUE_SETS } from '@hazard/domain';
import { FastifyReply } from 'fastify';
import { Public } from '../edge/auth/public.decorator';
import { CATALOGUE } from './catalogue.token';

/** `GET /catalogue` (no token): the reference data every client labels codes with. */
@ApiTags('catalogue')
@Public()
@Controller('catalogue')
export class CatalogueController {
  constructor(@Inject(CATALOGUE) private readonly catalogue: Catalogue) {}

  @Get()
  @ApiAnswer('sectors, regions, value sets and 判定依据 with zh-CN names; ETag = version', CATALOGUE_SCHEMA)
  @ApiResponse({ status: 304, description: 'If-None-Match names the current version' })
  @ApiErrors(429, 503)
  @ApiQuery({ name: 'sector', required: false, description: 'only the bases that apply to this sector' })
  get(@Query('sector') sector: string | undefined, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const etag = `"${this.catalogue.version}"`;
    reply.header('ETag', etag);
    // Public reference data: cacheable, revalidated by ETag (every other answer is no-store).
    reply.header('Cache-Control', 'no-cache');
    if (ifNoneMatch === etag) {
      reply.status(304);
      return undefined;
    }
    const { version, sectors, regions, bases } = this.catalogue;
    return { version, sectors, regions, ...VALUE_SETS, bases: sector === undefined ? bases : bases.filter((b) => b.sectors.includes(sector)) };
  }
}
