import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { admin, inspector, reviewer, supervisor } from './support/actors';
import { historyOf } from './support/history';
import { settledScan } from './support/processes-probe';
import { reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

const NAME = '举报人王小明';
const PHONE = '13912345678';
const tipOfficer = { sub: 'tip-he', dept: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['3301'] };
const tip = (overrides: Record<string, unknown> = {}) => ({
  sector: 'gas', regionCode: '330102', location: '某小区3幢楼下', description: '燃气管道漏气，味道很大', evidence: ['photo.jpg'],
  anonymous: false, reporter: { name: NAME, phone: PHONE }, ...overrides,
});

/** Every file under a directory, as bytes. */
function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ file: path, bytes: readFileSync(path) }];
  });
}

/** DESIGN.md "Citizen reports (举报) and whistle-blower protection", through the API. */
describe('citizen reports (举报) (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false', LOG_LEVEL: 'verbose' } });
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      jest.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => (logged.push(String(chunk)), (write as (...a: unknown[]) => boolean)(chunk, ...rest)));
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.stop();
  });

  it('takes a tip without a token, gives the query code once, and answers the reporter only with it', async () => {
    const res = await t.http().post('/api/v1/public/tips').send(tip()).expect(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ tipNo: 'JB-2026-000001', queryCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{16}$/), receivedAt: '2026-03-01T00:00:00.000Z' });
    const follow = await t.http().get(`/api/v1/public/tips/JB-2026-000001?code=${res.body.queryCode.toLowerCase()}`).expect(200);
    expect(follow.body).toEqual({ tipNo: 'JB-2026-000001', status: 'received', receivedAt: '2026-03-01T00:00:00.000Z', feedback: [], reviewRequested: false });

    const wrong = await t.http().get('/api/v1/public/tips/JB-2026-000001?code=0000000000000000').expect(404);
    const unknown = await t.http().get('/api/v1/public/tips/JB-2026-999999?code=0000000000000000').expect(404);
    const missing = await t.http().get('/api/v1/public/tips/JB-2026-000001').expect(404);
    expect(wrong.text).toBe(unknown.text);
    expect(missing.text).toBe(unknown.text);
  });

  it('refuses a named tip without a reporter and an anonymous one with, naming the field', async () => {
    expect((await t.http().post('/api/v1/public/tips').send(tip({ reporter: undefined })).expect(400)).body.message).toMatch(/reporter/);
    expect((await t.http().post('/api/v1/public/tips').send(tip({ anonymous: true })).expect(400)).body.message).toMatch(/reporter/);
    const bad = await t.http().post('/api/v1/public/tips').send(tip({ reporter: { name: NAME, phone: 'call me' } })).expect(400);
    expect(bad.text).toMatch(/reporter\.phone/);
    expect(bad.text).not.toContain(NAME);
  });

  it('numbers 20 concurrent intakes consecutively', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.http().post('/api/v1/public/tips').send(tip({ anonymous: true, reporter: undefined })).expect(201)));
    const numbers = answers.map((a) => Number(a.body.tipNo.slice(-6))).sort((a, b) => a - b);
    const first = numbers[0]!;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
  });

  it('records a missed verification once, and a missed feedback once, through the deadline scheduler', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const { body } = await t.http().post('/api/v1/public/tips').send(tip({ anonymous: true, reporter: undefined })).expect(201);
    await t.as(tipOfficer).post(`/api/v1/tips/${body.tipNo}/acceptance`).send({}).expect(200);
    const types = async () => ((await t.as(admin).get(`/api/v1/tips/${body.tipNo}/history`).expect(200)).body.events as { type: string }[]).map((e) => e.type);
    clock.set('2026-03-31T00:00:00.000Z'); // verifyDueAt exactly: not yet
    await settledScan(t.app);
    expect(await types()).not.toContain('TipOverdue');
    clock.set('2026-03-31T00:00:00.001Z');
    await Promise.all([settledScan(t.app), settledScan(t.app)]);
    expect((await types()).filter((type) => type === 'TipOverdue')).toHaveLength(1);
    expect((await t.as(tipOfficer).get(`/api/v1/tips/${body.tipNo}`).expect(200)).body).toMatchObject({ overdue: true });

    await t.as(tipOfficer).post(`/api/v1/tips/${body.tipNo}/verifications`).send({ substantiated: false, hazardIds: [], findings: '经核查不属实' }).expect(200);
    clock.set('2026-04-11T00:00:00Z'); // feedback due 10 days after the conclusion
    await settledScan(t.app);
    await settledScan(t.app);
    expect((await types()).filter((type) => type === 'TipFeedbackOverdue')).toHaveLength(1);
    clock.set('2026-03-01T00:00:00Z');
  });

  it('lists tips and their figures by scope: the officer’s regions, the department handed them, never a rectifier', async () => {
    const { body: a } = await t.http().post('/api/v1/public/tips').send(tip({ anonymous: true, reporter: undefined, regionCode: '330106' })).expect(201);
    await t.http().post('/api/v1/public/tips').send(tip({ anonymous: true, reporter: undefined, regionCode: '330201' })).expect(201);
    await t.as(tipOfficer).post(`/api/v1/tips/${a.tipNo}/acceptance`).send({}).expect(200);
    const handed = await t.as(tipOfficer).post(`/api/v1/tips/${a.tipNo}/assignments`).send({ department: 'dept-gas', sector: 'gas', regionCode: '330106' }).expect(200);

    const officer = (await t.as(tipOfficer).get(`/api/v1/tips?minPosition=${handed.body.position}&pageSize=200`).expect(200)).body;
    expect(officer.items.map((i: { regionCode: string }) => i.regionCode)).not.toContain('330201');
    expect(officer.items.find((i: { tipNo: string }) => i.tipNo === a.tipNo)).toMatchObject({ status: 'assigned', assignment: { department: 'dept-gas' } });
    expect(JSON.stringify(officer)).not.toContain('codeHash');
    const gas = (await t.as(supervisor).get('/api/v1/tips?pageSize=200').expect(200)).body;
    expect(gas.items.map((i: { tipNo: string }) => i.tipNo)).toEqual([a.tipNo]);
    await t.as({ sub: 'rect', dept: 'unit', roles: ['rectifier'], unitId: 'UNIT-GASCO' }).get('/api/v1/tips').expect(403);
    expect((await t.as(admin).get('/api/v1/tips?status=assigned').expect(200)).body.total).toBeGreaterThanOrEqual(1);
    const figures = (await t.as(admin).get('/api/v1/dashboard/tips').expect(200)).body;
    expect(figures).toMatchObject({ received: expect.any(Number), accepted: expect.any(Number), substantiationRate: expect.any(Number), position: expect.any(Number) });
    expect(figures.received).toBeGreaterThanOrEqual(figures.accepted);
  });

  it('runs the procedure: accept, hand over, a hazard found for it, verify, answer, review, reward, read and erase the identity', async () => {
    const { body: receipt } = await t.http().post('/api/v1/public/tips').send(tip()).expect(201);
    const id = receipt.tipNo as string;
    const early = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ source: 'citizen-report', tipNo: id, location: '未受理' })).expect(422);
    expect(early.body).toMatchObject({ code: 'TIP.NOT_ACCEPTING_HAZARDS', message: expect.stringContaining(id) });
    await t.as(inspector).post('/api/v1/hazards').send(reportBody({ source: 'citizen-report', tipNo: 'JB-2026-999999', location: '无此举报' })).expect(422);
    await t.as(supervisor).post(`/api/v1/tips/${id}/acceptance`).send({}).expect(403);
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/acceptance`).send({ note: '受理' }).expect(200);
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/assignments`).send({ department: 'dept-gas', sector: 'gas', regionCode: '330102' }).expect(200);

    const hazard = (await t.as(inspector).post('/api/v1/hazards').send(reportBody({ source: 'citizen-report', tipNo: id, location: '举报 燃气管道' })).expect(201)).body.hazardId;
    const other = (await t.as(inspector).post('/api/v1/hazards').send(reportBody({ location: '无关' })).expect(201)).body.hazardId;
    await t.as(inspector).post('/api/v1/hazards').send(reportBody({ source: 'inspection', tipNo: id })).expect(400);
    const unlinked = await t.as(tipOfficer).post(`/api/v1/tips/${id}/verifications`).send({ substantiated: true, hazardIds: [other], findings: '属实' }).expect(422);
    expect(unlinked.body).toMatchObject({ code: 'TIP.HAZARD_NOT_LINKED', message: expect.stringContaining(other) });
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/verifications`).send({ substantiated: true, hazardIds: [hazard], findings: '属实' }).expect(200);
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/feedback`).send({ text: '经核查属实，已责令整改' }).expect(200);

    const followed = await t.http().get(`/api/v1/public/tips/${id}?code=${receipt.queryCode}`).expect(200);
    expect(followed.body).toMatchObject({ status: 'answered', feedback: [{ text: '经核查属实，已责令整改' }] });
    await t.http().post(`/api/v1/public/tips/${id}/review-requests`).send({ code: receipt.queryCode, reason: '仍有异味' }).expect(200);
    await t.http().post(`/api/v1/public/tips/${id}/review-requests`).send({ code: 'WRONG', reason: '仍有异味' }).expect(404);
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/verifications`).send({ substantiated: true, hazardIds: [hazard], findings: '复查属实' }).expect(200);

    const reward = await t.as(tipOfficer).post(`/api/v1/tips/${id}/reward`).send({ penaltyYuan: 100_000 }).expect(200);
    expect(reward.body).toMatchObject({ tipNo: id, amountYuan: 15_000 });
    await t.as(tipOfficer).post(`/api/v1/tips/${id}/reward`).send({ penaltyYuan: 100_000 }).expect(409);

    const view = await t.as(tipOfficer).get(`/api/v1/tips/${id}`).expect(200);
    expect(view.body).toMatchObject({ tipNo: id, status: 'verified', identity: 'held', anonymous: false, reward: { amountYuan: 15_000 } });
    expect(JSON.stringify(view.body)).not.toContain('codeHash');
    expect((await t.as(tipOfficer).get(`/api/v1/tips/${id}/history`).expect(200)).body.events[0].data.reporter).toEqual({ encrypted: true });
    await t.as(reviewer).get(`/api/v1/tips/${id}/reporter?reason=例行核查身份`).expect(403);
    await t.as(tipOfficer).get(`/api/v1/tips/${id}/reporter?reason=短`).expect(400);
    const identity = await t.as(tipOfficer).get(`/api/v1/tips/${id}/reporter?reason=发放举报奖励核实身份`).expect(200);
    expect(identity.body).toEqual({ name: NAME, phone: PHONE });
    expect(identity.headers['cache-control']).toBe('no-store');
    expect((await t.as(admin).get(`/api/v1/tips/${id}/history`).expect(200)).body.events.map((e: { type: string }) => e.type)).toContain('ReporterIdentityViewed');

    // No identity in any hazard stream; the rectifier-facing hazard carries the tip only as a number.
    expect(JSON.stringify(await historyOf(t, hazard))).not.toContain(NAME);

    await t.as(tipOfficer).post(`/api/v1/tips/${id}/identity-erasure`).send({ reason: '举报人申请删除' }).expect(200);
    const erased = await t.as(tipOfficer).get(`/api/v1/tips/${id}/reporter?reason=发放举报奖励核实身份`).expect(410);
    expect(erased.body.code).toBe('TIP.IDENTITY_ERASED');
    expect((await t.as(admin).get(`/api/v1/tips/${id}/integrity`).expect(200)).body).toMatchObject({ valid: true });
    expect((await t.as(admin).get('/api/v1/integrity').expect(200)).body).toMatchObject({ valid: true });

    // The name and the phone are in no file under DATA_DIR (events, WAL, read models, keys…) and no log line.
    await t.app.close();
    for (const { file, bytes } of filesUnder(t.dataDir)) {
      expect({ file, name: bytes.includes(Buffer.from(NAME)) }).toEqual({ file, name: false });
      expect({ file, phone: bytes.includes(Buffer.from(PHONE)) }).toEqual({ file, phone: false });
    }
    expect(logged.filter((line) => line.includes(NAME) || line.includes(PHONE))).toEqual([]);
    await t.restart();
  });
});
