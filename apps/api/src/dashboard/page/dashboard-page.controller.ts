import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../../edge/auth/public.decorator';
import { WebAsset, WebAssets } from './web-assets';

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
  constructor(private readonly assets: WebAssets) {}

  @Get()
  page(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    send(reply, this.found('index.html'), ifNoneMatch);
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): void {
    send(reply, this.found(name), ifNoneMatch);
  }

  private found(name: string): WebAsset {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`no such dashboard asset: ${name}`);
    return asset;
  }
}

/** `no-cache` revalidates every load (a 304 when unchanged), so a new build shows up without a hard refresh. */
function send(reply: FastifyReply, asset: WebAsset, ifNoneMatch: string | undefined): void {
  void reply.headers({ ...PAGE_HEADERS, 'Cache-Control': 'no-cache', ETag: asset.etag });
  if (ifNoneMatch === asset.etag) {
    void reply.status(304).send();
    return;
  }
  void reply.type(asset.type).send(asset.body);
}
