import { LiveStreams } from '../apps/api/src/dashboard/stream/live-streams';
import { inspector, reviewer } from './support/actors';
import { reportBody } from './support/hazard-requests';
import { SseClient } from './support/sse-client';
import { TestApp } from './support/test-app';

/** GET /api/v1/stream over a real socket: what a wall display's EventSource receives. */
describe('GET /api/v1/stream (server-sent events)', () => {
  let app: TestApp;
  let url: string;
  const open: SseClient[] = [];
  const connect = async (query = '', headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${url}/api/v1/stream${query}`, headers);
    open.push(client);
    return client;
  };
  const bearer = () => ({ Authorization: `Bearer ${app.token(reviewer)}` });
  const report = async (overrides: Record<string, unknown> = {}) => {
    const response = await app.as(inspector).post('/api/v1/hazards').send(reportBody(overrides));
    expect([200, 201]).toContain(response.status);
    return response.body as { hazardId: string; position: number };
  };
  const streams = () => app.app.get(LiveStreams);

  beforeAll(async () => {
    app = await TestApp.start();
    await app.app.listen(0, '127.0.0.1');
    url = await app.app.getUrl();
  });
  afterEach(() => open.splice(0).forEach((client) => client.close()));
  afterAll(() => app.stop());

  it('refuses a missing or invalid token with 401, before any stream starts', async () => {
    const anonymous = await connect();
    expect(anonymous.status).toBe(401);
    expect(anonymous.response.headers['content-type']).toContain('application/json');
    expect((await connect('?access_token=not-a-jwt')).status).toBe(401);
    expect((await connect('', { Authorization: 'Bearer not-a-jwt' })).status).toBe(401);
  });

  it('accepts ?access_token= on the stream only: every other route still wants the header', async () => {
    const response = await app.http().get(`/api/v1/integrity?access_token=${app.token(reviewer)}`);
    expect(response.status).toBe(401);
  });

  it('pushes each projected change with id = its log position (token in the Authorization header)', async () => {
    const client = await connect('', bearer());
    expect(client.status).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers['cache-control']).toContain('no-cache');
    await client.until((c) => c.comments.includes('connected'));

    const reported = await report();
    await client.until((c) => c.messages.some((m) => JSON.parse(m.data).hazardId === reported.hazardId));

    const message = client.messages.find((m) => JSON.parse(m.data).hazardId === reported.hazardId)!;
    expect(message.event).toBeUndefined(); // a plain `message`, what EventSource.onmessage receives
    expect(message.id).toBe(String(reported.position));
    expect(JSON.parse(message.data)).toEqual({
      position: reported.position,
      hazardId: reported.hazardId,
      type: 'HazardFound',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('streams with ?access_token= too (EventSource cannot set headers), in log order', async () => {
    const client = await connect(`?access_token=${encodeURIComponent(app.token(reviewer))}`);
    expect(client.status).toBe(200);
    await client.until((c) => c.comments.includes('connected'));

    const first = await report({ location: '2号楼 锅炉房' });
    const again = await report({ location: '2号楼 锅炉房' });
    await client.until((c) => c.messages.length >= 2);

    const changes = client.messages.map((m) => JSON.parse(m.data));
    expect(changes.map((c) => [c.hazardId, c.type])).toEqual([
      [first.hazardId, 'HazardFound'],
      [first.hazardId, 'HazardFoundAgain'],
    ]);
    expect(client.messages.map((m) => Number(m.id))).toEqual([first.position, again.position]);
    expect(again.position).toBeGreaterThan(first.position);
  });

  it('lets go of a client that disconnects', async () => {
    const client = await connect('', bearer());
    await client.until((c) => c.comments.includes('connected'));
    expect(streams().count).toBe(1);

    client.close();
    const deadline = Date.now() + 2000;
    while (streams().count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(streams().count).toBe(0);
  });
});

describe('GET /api/v1/stream when the app stops', () => {
  it('ends open streams so the server can close instead of waiting on them', async () => {
    const app = await TestApp.start();
    await app.app.listen(0, '127.0.0.1');
    const client = await SseClient.open(`${await app.app.getUrl()}/api/v1/stream`, { Authorization: `Bearer ${app.token(reviewer)}` });
    await client.until((c) => c.comments.includes('connected'));

    await app.stop();

    await client.until((c) => c.ended, 1000);
    expect(client.ended).toBe(true);
  });
});
