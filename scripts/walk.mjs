#!/usr/bin/env node
/**
 * The README's walk: one major gas hazard from report to 销号, against a running server. Each step prints its
 * status code, method and path; ids come from the JSON answers; the first unexpected status stops the walk
 * with the answer's body (exit 1), so one failure is one clear message, not a broken URL in every later step.
 *
 *   BASE_URL   the server (default http://127.0.0.1:3000)
 *   INSPECTOR, SUPERVISOR, CHECKER, UNIT, REVIEWER   bearer tokens, minted with `npm run token` (README)
 *
 * Each run reports its hazard at a location of its own, so the walk can be run again on the same data.
 */
const base = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const api = `${base}/api/v1`;
const ROLES = ['INSPECTOR', 'SUPERVISOR', 'CHECKER', 'UNIT', 'REVIEWER'];
const UNIT_ID = '91330100MA2XXXX01';

const missing = ROLES.filter((role) => !process.env[role]?.trim());
if (missing.length > 0) {
  console.error(`no token in ${missing.join(', ')}: mint them with npm run token as the README shows (DATA_DIR set to the server's data directory)`);
  process.exit(2);
}

const now = new Date();
const inDays = (days) => new Date(now.getTime() + days * 86_400_000).toISOString();
const run = now.toISOString().replace(/\D/g, '').slice(0, 17);
let hazardId;
const hazard = (suffix = '') => `/hazards/${hazardId}${suffix}`;

/** Each step: who sends it, what, the status it must answer, and what of the answer to print. */
const steps = [
  {
    title: '1. an inspector reports a major hazard', as: 'INSPECTOR', method: 'POST', path: () => '/hazards', status: 201,
    body: {
      unitId: UNIT_ID, unitName: '某某燃气有限公司', location: `3号楼 地下室 调压箱（巡查 ${run}）`, categoryCode: 'GAS-PIPE-AGING',
      sector: 'gas', regionCode: '330102', level: 'major', source: 'inspection', description: '调压箱锈蚀严重，存在漏气风险',
      discoveredAt: now.toISOString(), evidence: ['photo-001.jpg'],
    },
    keep: (b) => (hazardId = b.hazardId),
    show: (b) => `hazardId ${b.hazardId}, status ${b.status}`,
  },
  {
    title: '2. the supervisor assigns it to the unit with a deadline', as: 'SUPERVISOR', method: 'POST', path: () => hazard('/assignments'), status: 200,
    body: { responsibleUnitId: UNIT_ID, responsiblePerson: '张三', supervisingDepartment: 'dept-gas', deadline: inDays(30), requirements: '更换调压箱，加装泄漏报警' },
    show: (b) => `status ${b.status}, revision ${b.revision}`,
  },
  {
    title: '3a. the unit submits its 治理方案', as: 'UNIT', method: 'POST', path: () => hazard('/plan'), status: 200,
    body: { goals: '消除漏气隐患', measures: '更换调压箱', funding: '企业自筹20万元', organisation: '安全科 张三', timeline: '30日内完成', safetyMeasures: '施工期间设警戒区，制定应急预案' },
    show: (b) => `revision ${b.revision}`,
  },
  {
    title: '3b. the unit reports the fix', as: 'UNIT', method: 'POST', path: () => hazard('/rectifications'), status: 200,
    body: { measures: '已更换调压箱并加装报警', evidence: ['after-001.jpg'], completedAt: now.toISOString() },
    show: (b) => `status ${b.status}`,
  },
  {
    title: '4. the unit applies for 销号 with its assessment', as: 'UNIT', method: 'POST', path: () => hazard('/closure-applications'), status: 200,
    body: { assessedBy: 'experts', assessor: '某某安全评价有限公司', summary: '经专家评估，隐患已消除', evidence: ['assessment-001.pdf'], resumeProduction: true },
    show: (b) => `review due ${b.reviewDeadline}`,
  },
  {
    title: '5. a county-level supervisor verifies it', as: 'CHECKER', method: 'POST', path: () => hazard('/verifications'), status: 200,
    body: { passed: true, notes: '现场复核，整改到位' },
    show: (b) => `status ${b.status}`,
  },
  {
    title: '6a. the reviewer reads the state', as: 'REVIEWER', method: 'GET', path: () => hazard(), status: 200,
    show: (b, res) => `status ${b.status}, occurrence ${b.occurrence}, ETag ${res.headers.get('etag')}`,
  },
  {
    title: '6b. and its history', as: 'REVIEWER', method: 'GET', path: () => hazard('/history'), status: 200,
    show: (b) => `${b.events.length} events: ${b.events.map((e) => e.type).join(', ')}`,
  },
];

for (const step of steps) {
  const path = `/api/v1${step.path()}`;
  let res;
  try {
    res = await fetch(`${base}${path}`, {
      method: step.method,
      headers: { authorization: `Bearer ${process.env[step.as].trim()}`, ...(step.body ? { 'content-type': 'application/json' } : {}) },
      ...(step.body ? { body: JSON.stringify(step.body) } : {}),
    });
  } catch (error) {
    console.error(`${step.method} ${path}: no answer from ${base} (${error.cause?.code ?? error.cause?.message ?? error.message}); is the server running? (BASE_URL)`);
    process.exit(1);
  }
  const text = await res.text();
  if (res.status !== step.status) {
    console.log(`${res.status} ${step.method} ${path}  ✗ expected ${step.status} — ${step.title}`);
    console.error(text);
    process.exit(1);
  }
  const answer = JSON.parse(text);
  step.keep?.(answer);
  console.log(`${res.status} ${step.method} ${path}  ${step.title}: ${step.show(answer, res)}`);
}
console.log(`walked hazard ${hazardId} from report to 销号; for the README's other examples: API=${api} ID=${hazardId}`);
