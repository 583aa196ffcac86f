import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, loadConfig, Clock } from '@hazard/platform';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * The suite drives hundreds of requests per test from one address and a handful of users: limits far above
 * that, so only test/rate-limits.e2e-spec.ts (which sets its own) meets the production defaults' kind of 429.
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  THROTTLE_READS: '10000000',
  THROTTLE_WRITES: '10000000',
  THROTTLE_PUBLIC_READS: '10000000',
  THROTTLE_PUBLIC_WRITES: '10000000',
  THROTTLE_AUTH_FAILURES: '10000000',
};

export interface TestClaims {
  sub: string;
  dept: string;
  roles: string[];
  sectors?: string[];
  regions?: string[];
  unitId?: string;
  authority?: string;
}

/** A clock the test moves by hand: deadlines pass without sleeping. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-03-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The real application on a temp DATA_DIR, driven over HTTP by supertest; restartable on the same data. */
export class TestApp {
  app!: NestFastifyApplication;
  readonly dataDir: string;
  readonly config: AppConfig;
  private readonly jwt = new JwtService({ secret: TEST_SECRET });

  private constructor(dataDir: string, env: Record<string, string>, readonly clock?: FakeClock) {
    this.dataDir = dataDir;
    this.config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'error', ...GENEROUS_LIMITS, ...env });
  }

  static async start(options: { env?: Record<string, string>; clock?: FakeClock; dataDir?: string } = {}): Promise<TestApp> {
    const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hazard-e2e-'));
    const testApp = new TestApp(dir, options.env ?? {}, options.clock);
    await testApp.boot();
    return testApp;
  }

  private async boot(): Promise<void> {
    this.app = await createApp(this.config, this.clock ? { clock: this.clock } : {});
  }

  /** Closes the app and starts a new one on the same DATA_DIR (a process restart, as far as the data knows). */
  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  async stop(options: { keepData?: boolean } = {}): Promise<void> {
    await this.app.close();
    if (!options.keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A token as `npm run token` mints one: iat now, a short exp (the server refuses tokens without one). */
  token(claims: TestClaims): string {
    return this.jwt.sign({ sectors: [], regions: [], ...claims }, { algorithm: 'HS256', expiresIn: '1h' });
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** A request with a bearer token for `claims`. */
  as(claims: TestClaims) {
    const auth = `Bearer ${this.token(claims)}`;
    const server = this.app.getHttpServer();
    return {
      get: (path: string) => request(server).get(path).set('Authorization', auth),
      post: (path: string) => request(server).post(path).set('Authorization', auth),
      delete: (path: string) => request(server).delete(path).set('Authorization', auth),
    };
  }
}
