import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

export interface WebAsset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Only these names are served, so a request path can never reach outside the build output. */
const SERVABLE = /^[a-z0-9][a-z0-9._-]*\.(html|js|css)$/i;

/**
 * The built page (`npm run build:web` → dist/dashboard-web/), read once and kept in memory. Found from the
 * checkout's root — the first directory above this file with a package.json — so the same code works from
 * apps/ under ts-jest, from dist/ under `npm start`, and in the container image.
 */
@Injectable()
export class WebAssets {
  private readonly dir = join(projectRoot(__dirname), 'dist', 'dashboard-web');
  private readonly cache = new Map<string, WebAsset>();

  get(name: string): WebAsset | undefined {
    if (!SERVABLE.test(name)) return undefined;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = join(this.dir, name);
    if (!existsSync(file)) {
      if (!existsSync(join(this.dir, 'index.html'))) {
        throw new ServiceUnavailableException('the dashboard page is not built: run `npm run build:web`');
      }
      return undefined;
    }
    const body = readFileSync(file);
    const asset = { body, type: TYPES[extname(name)] ?? 'application/octet-stream', etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    this.cache.set(name, asset);
    return asset;
  }
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
