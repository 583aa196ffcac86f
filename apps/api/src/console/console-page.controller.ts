import { Controller, Get, Headers, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@hazard/platform';
import { FastifyReply } from 'fastify';
import { Public } from '../edge/auth/public.decorator';
import { APP_CONFIG } from '../infrastructure/config.module';
import { BuiltAsset, BuiltAssets } from '../web-pages/built-assets';
import { CONSOLE_ASSETS } from '../web-pages/page-assets.tokens';
import { sendAsset } from '../web-pages/send-asset';
import { withTimeZone } from '../web-pages/time-zone-slot';

/** This origin only (no CDN, no web fonts: the console must work on a LAN with no internet); no inline code. */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'",
  // The page's URL may carry ?token= on its first load: never send it on to anyone.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * `/console` (outside the api/v1 prefix): the zh-CN console for reviewers and officers, and its bundled assets.
 * Public like any static file; the page calls the API with the token the reader gives it, so it shows only
 * what that token may read.
 */
@ApiExcludeController()
@Public()
@Controller('console')
export class ConsolePageController {
  private page?: BuiltAsset;

  constructor(
    @Inject(CONSOLE_ASSETS) private readonly assets: BuiltAssets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  index(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    this.page ??= withTimeZone(this.found('index.html'), this.config.timeZone);
    sendAsset(reply, this.page, ifNoneMatch, PAGE_HEADERS);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    sendAsset(reply, this.found(name), ifNoneMatch, PAGE_HEADERS);
  }

  private found(name: string): BuiltAsset {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`no such console asset: ${name}`);
    return asset;
  }
}
