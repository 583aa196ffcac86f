import { FastifyReply } from 'fastify';
import { BuiltAsset } from './built-assets';

/**
 * Sends a page or asset with the page's own security headers. `no-cache` revalidates every load (a 304 when
 * unchanged), so a new build shows up without a hard refresh.
 */
export function sendAsset(reply: FastifyReply, asset: BuiltAsset, ifNoneMatch: string | undefined, headers: Record<string, string>): void {
  void reply.headers({ ...headers, 'Cache-Control': 'no-cache', ETag: asset.etag });
  if (ifNoneMatch === asset.etag) {
    void reply.status(304).send();
    return;
  }
  void reply.type(asset.type).send(asset.body);
}
