import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadConfig } from '@hazard/platform';
import { inspector } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { GENEROUS_LIMITS, TEST_SECRET } from './support/test-app';

/** Every JSON line the app logs, parsed. */
class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
  requests(): Record<string, unknown>[] {
    return this.lines.filter((l) => l.msg === 'request');
  }
}

describe('operations: /metrics, /health/ready and the JSON request log', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let logs: LogLines;
  const token = new JwtService({ secret: TEST_SECRET }).sign({ sectors: [], regions: [], ...inspector }, { algorithm: 'HS256', expiresIn: '1h' });
  const metricsToken = 'scraper-token-0123456789abcdef';

  async function start(env: Record<string, string> = {}): Promise<void> {
    logs = new LogLines();
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'log', ...GENEROUS_LIMITS, ...env });
    app = await createApp(config, { logDestination: logs });
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hazard-operations-'));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts commands, appends, requests and consumer positions on a public /metrics', async () => {
    await start();
    const server = app.getHttpServer();
    const created = await request(server).post('/api/v1/hazards').set('Authorization', `Bearer ${token}`).send(reportBody());
    expect(created.status).toBe(201);
    await request(server).get(`/api/v1/hazards?minPosition=${created.body.position}`).set('Authorization', `Bearer ${token}`).expect(200);

    const scraped = await request(server).get('/metrics');

    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = scraped.text;
    expect(text).toMatch(/^hazard_command_duration_seconds_count\{command="ReportHazard",outcome="recorded"\} 1$/m);
    expect(text).toMatch(/^hazard_events_recorded_total\{type="HazardFound"\} 1$/m);
    expect(text).toMatch(/^hazard_event_store_group_commit_appends_sum \d+$/m);
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/api\/v1\/hazards",status="201"\} 1$/m);
    expect(text).toMatch(/^hazard_consumer_lag\{consumer="read-models"\} 0$/m);
    expect(text).toMatch(/^hazard_event_store_head_position [1-9]\d*$/m);
    expect(text).not.toMatch(/insp-li|Bearer/); // no actor, no token
  });

  it('answers /metrics only to METRICS_TOKEN when it is set', async () => {
    await start({ METRICS_TOKEN: metricsToken });
    const server = app.getHttpServer();

    expect((await request(server).get('/metrics')).status).toBe(401);
    expect((await request(server).get('/metrics').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await request(server).get('/metrics').set('Authorization', `Bearer ${metricsToken}`)).status).toBe(200);
  });

  it('reports readiness with the projector’s lag, liveness, and keeps /health as it was', async () => {
    await start();
    const server = app.getHttpServer();

    const ready = await request(server).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ eventStore: { status: 'up' }, projector: { status: 'up', lag: 0, maxLag: 1000 } });
    expect((await request(server).get('/health/live')).status).toBe(200);
    expect((await request(server).get('/health')).body.details).toEqual({ eventStore: { status: 'up', headPosition: 0 } });
  });

  it('logs one JSON line per request with ids, actor, route pattern, status and latency — no token, no query', async () => {
    await start();
    const server = app.getHttpServer();
    await request(server)
      .post('/api/v1/hazards')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'req-from-client-1')
      .set('X-Correlation-Id', 'corr-1')
      .send(reportBody())
      .expect(201);
    await request(server).get('/api/v1/public/supervised-hazards?q=secret-query-value').expect((r) => expect(r.status).toBeLessThan(500));
    await request(server).get('/api/v1/hazards/not-a-hazard/history').set('Authorization', `Bearer ${token}`);

    const [command, publicList, refused] = logs.requests();
    expect(command).toMatchObject({
      level: 'info',
      requestId: 'req-from-client-1',
      correlationId: 'corr-1',
      actorId: 'insp-li',
      method: 'POST',
      route: '/api/v1/hazards',
      status: 201,
      ms: expect.any(Number),
    });
    expect(publicList).toMatchObject({ route: expect.stringMatching(/^\/api\/v1\/public\//), requestId: expect.any(String) });
    expect(refused).toMatchObject({ level: 'info', status: expect.any(Number) });
    const everything = JSON.stringify(logs.lines);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('secret-query-value');
    expect(everything).not.toContain('调压箱锈蚀严重'); // no body
  });

  it('logs client errors below error and without a stack', async () => {
    await start();
    const server = app.getHttpServer();
    await request(server).post('/api/v1/hazards').set('Authorization', `Bearer ${token}`).send({ colour: 'red' }).expect(400);
    await request(server).get('/api/v1/hazards').expect(401);

    const errors = logs.lines.filter((l) => l.context === 'Errors');
    expect(errors.map((l) => [l.level, l.statusCode])).toEqual([
      ['info', 400],
      ['warn', 401],
    ]);
    expect(errors.every((l) => l.stack === undefined && l.requestId !== undefined)).toBe(true);
    expect(logs.lines.some((l) => l.level === 'error')).toBe(false);
  });
});
