import { inspector } from '../support/actors';
import { reportBody } from '../support/hazard-requests';
import { TestApp } from '../support/test-app';
import { EsdbStandIn } from '../../libs/event-store/src/eventstoredb/testing/esdb-stand-in';

/**
 * The whole API with EVENT_STORE=eventstoredb, its client talking gRPC to the in-process stand-in: a command
 * is accepted and read back, and while the server answers as a 24.10 node does mid-election ("Server Is Not
 * Ready" over BatchAppend) the command gets 503 with Retry-After — not 500 — and its retry is accepted.
 */
describe('the API on EventStoreDB (gRPC stand-in) (e2e)', () => {
  let standIn: EsdbStandIn;
  let t: TestApp;

  beforeAll(async () => {
    standIn = await EsdbStandIn.start();
    t = await TestApp.start({ env: { EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: standIn.connectionString('defaultDeadline=2000') } });
  });
  afterAll(async () => {
    await t.stop();
    await standIn.stop();
  });

  it('accepts a command, answers 503 with Retry-After while the node is not ready, and accepts the retry', async () => {
    const first = await t.as(inspector).post('/api/v1/hazards').send(reportBody()).expect(201);
    await t.as(inspector).get(`/api/v1/hazards/${first.body.hazardId}`).expect(200);

    standIn.script.append.push({ notHandled: 'not-ready' });
    const body = reportBody({ location: '二号楼' });
    const refused = await t.as(inspector).post('/api/v1/hazards').send(body).expect(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });

    const retried = await t.as(inspector).post('/api/v1/hazards').send(body).expect(201);
    expect(standIn.log.stream(`hazard-${retried.body.hazardId}`)).toHaveLength(1);
    await t.http().get('/health').expect(200);
  });
});
