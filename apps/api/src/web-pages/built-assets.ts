import { ServiceUnavailableException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export interface BuiltAsset {
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
 * One page's build output (`dist/<dir>/`, written by `npm run build:web`), read once and kept in memory. Found
 * from the checkout's root — the first directory above this file with a package.json — so the same code works
 * from apps/ under ts-jest, from dist/ under `npm start`, and in the container image.
 */
export class BuiltAssets {
  private readonly dir: string;
  private readonly cache = new Map<string, BuiltAsset>();

  constructor(outputDir: string) {
    this.dir = join(projectRoot(__dirname), 'dist', outputDir);
  }

  get(name: string): BuiltAsset | undefined {
    if (!SERVABLE.test(name)) return undefined;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = join(this.dir, name);
    if (!existsSync(file)) {
      if (!existsSync(join(this.dir, 'index.html'))) {
        throw new ServiceUnavailableException(`the page in dist/${basename(this.dir)} is not built: run \`npm run build:web\``);
      }
      return undefined;
    }
    const asset = assetOf(readFileSync(file), TYPES[extname(name)] ?? 'application/octet-stream');
    this.cache.set(name, asset);
    return asset;
  }
}

export function assetOf(body: Buffer, type: string): BuiltAsset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
