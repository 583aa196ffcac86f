import type { Response } from 'supertest';
import { admin, inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { AnswerChecker, Document, gapsOf, operationsOf } from './support/openapi-conformance';
import { A, B, rectifierOf, unitBody } from './support/unit-requests';
import { FakeClock, TestApp } from './support/test-app';

const tipOfficer = { sub: 'tip-he', dept: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['3301'] };
const tipBody = {
  sector: 'gas', regionCode: '330102', location: '某小区3幢楼下', description: '燃气管道漏气，味道很大', evidence: ['photo.jpg'],
  anonymous: false, reporter: { name: '举报人王小明', phone: '13912345678' },
};

/** /docs-json as served: complete for every operation, and true to what the server answers. */
describe('the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: Document;
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    doc = (await t.http().get('/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.stop());

  it('gives every operation a summary, tags, a success schema and its error answers as ErrorBody', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    const incomplete = operations.map(({ name, operation }) => ({ name, gaps: gapsOf(doc, operation) })).filter((o) => o.gaps.length > 0);
    expect(incomplete).toEqual([]);
  });

  it('documents ErrorBody as API.md has it: statusCode, error and message always, code and details when there are', () => {
    expect(doc.components?.schemas?.ErrorBody).toMatchObject({
      type: 'object',
      required: ['statusCode', 'error', 'message'],
      properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' }, details: { type: 'object' } },
    });
  });

  /** Sends a request, expects `status`, and checks the answer against the document. */
  const record = async (checker: AnswerChecker, request: PromiseLike<Response>, status: number): Promise<Response> => {
    const res = await request;
    expect({ url: res.request.url, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ url: res.request.url, status, body: undefined });
    const url = new URL(res.request.url);
    checker.check(res.request.method, url.pathname + url.search, res.status, res.body);
    return res;
  };

  it('describes what a hazard’s lifecycle, its reads, the lists, tips, units, reports and refusals really answer', async () => {
    const checker = new AnswerChecker(doc);
    const answer = (request: PromiseLike<Response>, status: number) => record(checker, request, status);

    const report = reportBody({ level: 'major' });
    const found = await answer(t.as(inspector).post('/api/v1/hazards').send(report), 201);
    const id = found.body.hazardId as string;
    await answer(t.as(inspector).post('/api/v1/hazards').send({ ...report, description: '再次发现' }), 200);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()), 200);
    clock.set('2026-03-12T00:00:00Z');
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/plan`).send(planBody), 200);
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()), 200);
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/closure-applications`).send(closureBody()), 200);
    const verified = await answer(t.as(supervisor2).post(`/api/v1/hazards/${id}/verifications`).send({ passed: true, notes: '复核通过' }), 200);
    const at = `minPosition=${verified.body.position}`;

    for (const read of ['', '/history', '/state?revision=1', '/trail', '/notifications', '/integrity']) await answer(t.as(reviewer).get(`/api/v1/hazards/${id}${read}`), 200);
    await answer(t.as(rectifier).get(`/api/v1/hazards/${id}`), 200);
    await answer(t.as(reviewer).get('/api/v1/integrity'), 200);
    await answer(t.as(reviewer).get(`/api/v1/hazards?${at}`), 200);
    await answer(t.as(rectifier).get(`/api/v1/hazards?${at}`), 200);
    for (const figure of ['summary', 'overdue', 'repeat-units', 'departments']) await answer(t.as(reviewer).get(`/api/v1/dashboard/${figure}?${at}`), 200);
    await answer(t.http().get('/api/v1/catalogue'), 200);
    await answer(t.http().get('/api/v1/public/supervised-hazards'), 200);
    await answer(t.as(admin).get(`/api/v1/reports/statistics?period=2026Q1&${at}`), 200);

    const receipt = await answer(t.http().post('/api/v1/public/tips').send(tipBody), 201);
    await answer(t.http().get(`/api/v1/public/tips/${receipt.body.tipNo}?code=${receipt.body.queryCode}`), 200);
    const accepted = await answer(t.as(tipOfficer).post(`/api/v1/tips/${receipt.body.tipNo}/acceptance`).send({}), 200);
    for (const read of ['', '/history', '/integrity']) await answer(t.as(tipOfficer).get(`/api/v1/tips/${receipt.body.tipNo}${read}`), 200);
    await answer(t.as(tipOfficer).get(`/api/v1/tips?minPosition=${accepted.body.position}`), 200);
    await answer(t.as(tipOfficer).get(`/api/v1/dashboard/tips?minPosition=${accepted.body.position}`), 200);

    const registered = await answer(t.as(supervisor).post('/api/v1/units').send(unitBody(A)), 201);
    await answer(t.as(supervisor).get(`/api/v1/units/${A}?minPosition=${registered.body.position}`), 200);
    await answer(t.as(supervisor).get(`/api/v1/units?minPosition=${registered.body.position}`), 200);
    await answer(t.as(admin).get(`/api/v1/dashboard/self-reporting?period=2026-03&minPosition=${registered.body.position}`), 200);
    await answer(t.http().get('/health'), 200);

    await answer(t.as(reviewer).get('/api/v1/hazards/6d1f3c2a-0000-4000-8000-000000000000'), 404);
    await answer(t.as(reviewer).get('/api/v1/hazards/not-a-uuid'), 400);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send({}), 400);
    await answer(t.http().get(`/api/v1/hazards/${id}`), 401);
    await answer(t.as(inspector).get('/api/v1/integrity'), 403);
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/rectifications`).send(rectificationBody()), 409);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/reopenings`).set('If-Match', '"0"').send({ reason: '群众投诉' }), 412);

    expect(checker.problems).toEqual([]);
  });
  it('describes what supervision, extensions, grading, the tip officer’s procedure, self-reporting and filings answer', async () => {
    const checker = new AnswerChecker(doc);
    const answer = (request: PromiseLike<Response>, status: number) => record(checker, request, status);
    clock.set('2026-03-13T00:30:00Z');
    const id = (await answer(t.as(inspector).post('/api/v1/hazards').send(reportBody()), 201)).body.hazardId as string;
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()), 200);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/supervision`).send({ authorityLevel: 'county', reason: 'manual' }), 200);
    clock.set('2026-03-13T04:00:00Z');
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/supervision/notice-service`).send({ servedBy: 'sup-zhao', servedAt: '2026-03-13T09:00:00+08:00', recipient: '张三' }), 200);
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/supervision/notice-signature`).send({ signedBy: '张三', signedAt: '2026-03-13T10:00:00+08:00' }), 200);
    await answer(t.as(reviewer).get(`/api/v1/hazards/${id}`), 200);
    await answer(t.as(reviewer).get(`/api/v1/hazards/${id}/trail`), 200);
    await answer(t.as(supervisor).delete(`/api/v1/hazards/${id}/supervision`), 409); // lifted only once verified
    await answer(t.as(rectifier).post(`/api/v1/hazards/${id}/extension-requests`).send({ newDeadline: '2026-06-30T17:00:00+08:00', reason: '设备到货延迟' }), 200);
    await answer(t.as(reviewer).get(`/api/v1/hazards/${id}`), 200);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/extension-decisions`).send({ approved: true, reason: '同意延期' }), 200);
    await answer(t.as(supervisor).post(`/api/v1/hazards/${id}/level`).send({ level: 'major', reason: '复核升级为重大隐患' }), 200);
    await answer(t.as(reviewer).get(`/api/v1/hazards/${id}/trail`), 200);

    const receipt = (await answer(t.http().post('/api/v1/public/tips').send(tipBody), 201)).body;
    const tip = `/api/v1/tips/${receipt.tipNo}`;
    await answer(t.as(tipOfficer).post(`${tip}/acceptance`).send({ note: '受理' }), 200);
    await answer(t.as(tipOfficer).post(`${tip}/assignments`).send({ department: 'dept-gas', sector: 'gas', regionCode: '330102' }), 200);
    await answer(t.as(tipOfficer).post(`${tip}/verifications`).send({ substantiated: false, hazardIds: [], findings: '经核查不属实' }), 200);
    await answer(t.as(tipOfficer).post(`${tip}/feedback`).send({ text: '经核查不属实' }), 200);
    await answer(t.http().post(`/api/v1/public/tips/${receipt.tipNo}/review-requests`).send({ code: receipt.queryCode, reason: '请求复查' }), 200);
    await answer(t.as(tipOfficer).get(`${tip}`), 200);
    await answer(t.as(tipOfficer).get(`${tip}/reporter?reason=${encodeURIComponent('核实举报人身份')}`), 200);
    await answer(t.as(tipOfficer).post(`${tip}/identity-erasure`).send({ reason: '举报人申请删除' }), 200);
    await answer(t.as(tipOfficer).get(`${tip}/reporter?reason=${encodeURIComponent('核实举报人身份')}`), 410);

    await answer(t.as(supervisor).post('/api/v1/units').send(unitBody(B)), 201);
    const unitAuth = { Authorization: `Bearer ${t.token(supervisor)}` };
    await answer(t.http().patch(`/api/v1/units/${B}`).set(unitAuth).send({ name: '杭州燃气新名称有限公司' }), 200);
    await answer(t.as(rectifierOf(B)).post(`/api/v1/units/${B}/self-check-reports`).send({ period: '2026-02', zeroHazard: true, signedBy: '王建国' }), 201);
    await answer(t.as(rectifierOf(B)).post(`/api/v1/units/${B}/self-check-reports/2026-02/corrections`).send({ zeroHazard: true, signedBy: '王建国', reason: '补签更正' }), 200);
    await answer(t.as(rectifierOf(B)).get(`/api/v1/units/${B}`), 200);

    clock.set('2026-04-01T00:30:00Z'); // Q1 has ended in Hangzhou
    const filed = (await answer(t.as(admin).post('/api/v1/reports/filings').send({ period: '2026Q1', regionCode: '3301' }), 201)).body;
    await answer(t.as(admin).get('/api/v1/reports/filings'), 200);
    await answer(t.as(admin).get(`/api/v1/reports/filings/${filed.filingId}`), 200);

    expect(checker.problems).toEqual([]);
  });
});
