import { Controller, Get, Headers, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppConfig } from '@hazard/platform';
import { Public } from '../../edge/auth/public.decorator';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { BuiltAsset, BuiltAssets } from '../../web-pages/built-assets';
import { DASHBOARD_ASSETS } from '../../web-pages/page-assets.tokens';
import { sendAsset } from '../../web-pages/send-asset';
import { withTimeZone } from '../../web-pages/time-zone-slot';

/**
 * The page may talk to this origin only (no CDN: the wall display may have no internet). ECharts sets inline
 * styles on its tooltips, hence 'unsafe-inline' for styles alone.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
  // The page's URL may carry ?token= on its first load: never send it on to anyone.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * `/dashboard` (outside the api/v1 prefix): the zh-CN live page and its bundled assets. Public like any
 * static file; the page itself calls the API with the token the operator gives it.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardPageController {
  private index?: BuiltAsset;

  constructor(
    @Inject(DASHBOARD_ASSETS) private readonly assets: BuiltAssets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** index.html with TIME_ZONE filled in: the page shows times and counts months in it, as the reports do. */
  @Get()
  page(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    this.index ??= withTimeZone(this.found('index.html'), this.config.timeZone);
    sendAsset(reply, this.index, ifNoneMatch, PAGE_HEADERS);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    sendAsset(reply, this.found(name), ifNoneMatch, PAGE_HEADERS);
  }

  private found(name: string): BuiltAsset {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`no such dashboard asset: ${name}`);
    return asset;
  }
}
