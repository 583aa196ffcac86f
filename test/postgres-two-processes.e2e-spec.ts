import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createTestSchema, describeWithPostgres, type TestSchema } from '../libs/event-store/src/postgres/testing/postgres-test-env';
import { inspector, reviewer, supervisor } from './support/actors';
import { assignBody, reportBody } from './support/hazard-requests';
import { compileServer, ServerProcess, startServer } from './support/server-process';
import { TEST_SECRET, TestClaims } from './support/test-app';

/** Two API replicas, each with its own DATA_DIR (read models, checkpoints), on one PostgreSQL event log. */
describeWithPostgres('Two API processes on one PostgreSQL database', (baseUrl) => {
  let root: string;
  let compiled: string;
  let schema: TestSchema;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hazard-pg-e2e-'));
    compiled = compileServer(join(root, 'server'));
    schema = await createTestSchema(baseUrl);
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: schema.url };
    servers = await Promise.all([startServer(compiled, join(root, 'a'), env), startServer(compiled, join(root, 'b'), env)]);
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    const exits = await Promise.all(servers.map((server) => server.exited));
    await schema?.drop();
    rmSync(root, { recursive: true, force: true });
    expect(exits).toEqual(servers.map(() => ({ code: 0, signal: null })));
  }, 30_000);

  it('reads on one process what a command on the other wrote, from the log and, after minPosition, from its read model', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const reported = await call(a, inspector, 'POST', '/hazards', reportBody());
    expect(reported.status).toBe(201);
    const { hazardId, position, status } = reported.body as { hazardId: string; position: number; status: string };

    const onB = await call(b, inspector, 'GET', `/hazards/${hazardId}`);
    expect(onB.status).toBe(200);
    expect(onB.body).toMatchObject({ hazardId, status });

    const listedOnB = await call(b, reviewer, 'GET', `/hazards?minPosition=${position}&pageSize=100`);
    expect(listedOnB.status).toBe(200);
    expect((listedOnB.body as { items: { hazardId: string }[] }).items.map((item) => item.hazardId)).toContain(hazardId);

    const assigned = await call(b, supervisor, 'POST', `/hazards/${hazardId}/assignments`, assignBody({ deadline: inDays(30) }));
    expect(assigned.status).toBe(200);
    const { position: assignedPosition, status: assignedStatus } = assigned.body as { position: number; status: string };
    expect(assignedPosition).toBeGreaterThan(position);
    expect(assignedStatus).not.toBe(status);

    const listedOnA = await call(a, reviewer, 'GET', `/hazards?minPosition=${assignedPosition}&status=${assignedStatus}&pageSize=100`);
    expect(listedOnA.status).toBe(200);
    expect((listedOnA.body as { items: { hazardId: string }[] }).items.map((item) => item.hazardId)).toContain(hazardId);
  });
});

async function call(server: ServerProcess, claims: TestClaims, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const token = new JwtService({ secret: TEST_SECRET }).sign({ ...claims }, { algorithm: 'HS256', expiresIn: '1h' });
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The servers run on the real clock: a deadline must lie ahead of it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
