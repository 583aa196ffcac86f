import { assignBody, closureBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';

/**
 * Who may write what, over the whole HTTP stack (guard, DTO, use case, access policy): every role × in or
 * out of the hazard's sector × in or out of its region × its own unit or another × every hazard command
 * route, and the tip officer's routes of 举报. A cell passes when the answer is 403 exactly where the table below says "no", and otherwise one of
 * the answers of an authorised caller (200/201, or 409/410/422 when the hazard or tip is not in the state
 * the command is meant for). Any other status — 400 from a stale body, a 404, a 500 — fails the cell: it would hide
 * whether the caller was authorised.
 *
 * The fixture of every route is fresh, so one cell's success cannot change another route's state: a hazard
 * (gas, region 330102, assigned to UNIT-GASCO) or a public tip (gas, region 330102).
 */
const ROLES = ['inspector', 'supervisor', 'rectifier', 'reviewer', 'admin', 'tip-officer'] as const;
type Role = (typeof ROLES)[number];

interface Caller {
  readonly role: Role;
  readonly inSector: boolean;
  readonly inRegion: boolean;
  readonly ownUnit: boolean;
}

const CALLERS: readonly Caller[] = ROLES.flatMap((role) =>
  [true, false].flatMap((inSector) => [true, false].flatMap((inRegion) => [true, false].map((ownUnit) => ({ role, inSector, inRegion, ownUnit })))),
);

const labelOf = (c: Caller) => `${c.role} ${c.inSector ? 'in' : 'out of'} sector, ${c.inRegion ? 'in' : 'out of'} region, ${c.ownUnit ? 'own' : 'other'} unit`;

function claimsOf(c: Caller, index: number): TestClaims {
  return {
    sub: `matrix-${index}`,
    dept: `dept-${c.role}`,
    roles: [c.role],
    sectors: [c.inSector ? 'gas' : 'fire'],
    regions: [c.inRegion ? '3301' : '3302'],
    unitId: c.ownUnit ? 'UNIT-GASCO' : 'UNIT-OTHER',
  };
}

/** API.md "Identity", restated here as the oracle, independently of libs/domain's access policy. */
const inScope = (c: Caller) => c.inSector && c.inRegion;
const supervisorAction = (c: Caller) => c.role === 'admin' || (c.role === 'supervisor' && inScope(c));
const unitAction = (c: Caller) => c.role === 'rectifier' && c.ownUnit;
/** 举报 is the tip officers' alone, by region (a tip has no unit, and its sector does not limit them). */
const tipAction = (c: Caller) => c.role === 'tip-officer' && c.inRegion;

interface Route {
  readonly name: string;
  readonly method: 'post' | 'delete';
  /** What the route acts on; none: POST /hazards itself. */
  readonly fixture: 'none' | 'hazard' | 'tip';
  readonly path?: string;
  readonly body: () => object;
  readonly may: (c: Caller) => boolean;
}

const ROUTES: readonly Route[] = [
  { name: 'ReportHazard (inspection)', method: 'post', fixture: 'none', body: () => reportBody(), may: (c) => c.role === 'admin' || (['inspector', 'supervisor'].includes(c.role) && inScope(c)) },
  { name: 'ReportHazard (自查 self-check)', method: 'post', fixture: 'none', body: () => reportBody({ source: 'self-check' }), may: (c) => c.role === 'admin' || (['inspector', 'supervisor'].includes(c.role) && inScope(c)) || unitAction(c) },
  { name: 'AssignRectification', method: 'post', fixture: 'hazard', path: 'assignments', body: () => assignBody(), may: supervisorAction },
  { name: 'SubmitRemediationPlan', method: 'post', fixture: 'hazard', path: 'plan', body: () => planBody, may: unitAction },
  { name: 'RequestExtension', method: 'post', fixture: 'hazard', path: 'extension-requests', body: () => ({ newDeadline: '2026-04-30T18:00:00+08:00', reason: '设备到货延迟' }), may: unitAction },
  { name: 'DecideExtension', method: 'post', fixture: 'hazard', path: 'extension-decisions', body: () => ({ approved: true, reason: '同意' }), may: supervisorAction },
  { name: 'SubmitRectification', method: 'post', fixture: 'hazard', path: 'rectifications', body: () => rectificationBody(), may: unitAction },
  { name: 'VerifyRectification', method: 'post', fixture: 'hazard', path: 'verifications', body: () => ({ passed: true, notes: '现场复核' }), may: supervisorAction },
  { name: 'ApplyForClosure', method: 'post', fixture: 'hazard', path: 'closure-applications', body: () => closureBody(), may: unitAction },
  { name: 'ReopenHazard', method: 'post', fixture: 'hazard', path: 'reopenings', body: () => ({ reason: '群众投诉' }), may: supervisorAction },
  { name: 'ReclassifyHazard', method: 'post', fixture: 'hazard', path: 'level', body: () => ({ level: 'general', reason: '复核' }), may: supervisorAction },
  { name: 'ImposeSupervision', method: 'post', fixture: 'hazard', path: 'supervision', body: () => ({ authorityLevel: 'county', reason: 'manual' }), may: supervisorAction },
  { name: 'LiftSupervision', method: 'delete', fixture: 'hazard', path: 'supervision', body: () => ({}), may: supervisorAction },
  { name: 'RecordNoticeServed', method: 'post', fixture: 'hazard', path: 'supervision/notice-service', body: () => ({ servedBy: '王五', servedAt: '2026-03-01T08:00:00+08:00', recipient: '张三' }), may: supervisorAction },
  { name: 'RecordNoticeSigned', method: 'post', fixture: 'hazard', path: 'supervision/notice-signature', body: () => ({ signedBy: '张三', signedAt: '2026-03-01T09:00:00+08:00' }), may: (c) => supervisorAction(c) || unitAction(c) },
  { name: 'AcceptTip', method: 'post', fixture: 'tip', path: 'acceptance', body: () => ({}), may: tipAction },
  { name: 'RejectTip', method: 'post', fixture: 'tip', path: 'rejection', body: () => ({ reason: 'other', note: '不属于本部门职责' }), may: tipAction },
  { name: 'NotifyReporter', method: 'post', fixture: 'tip', path: 'feedback', body: () => ({ text: '已核查' }), may: tipAction },
  { name: 'EraseReporterIdentity', method: 'post', fixture: 'tip', path: 'identity-erasure', body: () => ({ reason: '举报人申请' }), may: tipAction },
];

/** 410: the reporter's identity was already erased by an earlier cell — said only to a caller who may erase it. */
const AUTHORISED_STATUSES = [200, 201, 409, 410, 422];
const admin: TestClaims = { sub: 'matrix-admin', dept: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'] };

describe('authorisation matrix: role × sector × region × unit × command route', () => {
  let t: TestApp;
  let cellsChecked = 0;
  beforeAll(async () => (t = await TestApp.start({ clock: new FakeClock() })));
  afterAll(() => t.stop());

  async function fixtureHazard(): Promise<string> {
    const reported = await t.as(admin).post('/api/v1/hazards').send(reportBody()).expect(201);
    const id = reported.body.hazardId as string;
    await t.as(admin).post(`/api/v1/hazards/${id}/assignments`).send(assignBody()).expect(200);
    return id;
  }

  async function fixtureTip(): Promise<string> {
    const tip = { sector: 'gas', regionCode: '330102', location: '某小区3幢楼下', description: '燃气管道漏气', anonymous: false, reporter: { name: '王某', phone: '13800000000' } };
    return (await t.http().post('/api/v1/public/tips').send(tip).expect(201)).body.tipNo as string;
  }

  async function urlOf(route: Route): Promise<string> {
    if (route.fixture === 'hazard') return `/api/v1/hazards/${await fixtureHazard()}/${route.path}`;
    if (route.fixture === 'tip') return `/api/v1/tips/${await fixtureTip()}/${route.path}`;
    return '/api/v1/hazards';
  }

  it.each(ROUTES.map((route) => [route.name, route] as const))(`%s: ${CALLERS.length} callers`, async (_name, route) => {
    const url = await urlOf(route);
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    const unexpected: string[] = [];
    for (const [index, caller] of CALLERS.entries()) {
      const response = await t.as(claimsOf(caller, index))[route.method](url).send(route.body());
      const label = labelOf(caller);
      expected[label] = route.may(caller) ? 'authorised' : '403';
      actual[label] = response.status === 403 ? '403' : 'authorised';
      if (response.status !== 403 && !AUTHORISED_STATUSES.includes(response.status)) unexpected.push(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
      cellsChecked += 1;
    }
    expect(unexpected).toEqual([]);
    expect(actual).toEqual(expected);
  });

  it(`checked every cell: ${ROLES.length} roles × 2 × 2 × 2 × ${ROUTES.length} routes = ${CALLERS.length * ROUTES.length}`, () => {
    expect(cellsChecked).toBe(ROLES.length * 8 * ROUTES.length);
  });
});
