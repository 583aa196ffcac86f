import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const GENERATOR = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/** A client's program against the generated types: the answers' fields, typed, and an error's message. */
const PROGRAM = `
import type { components, paths } from './api';

type Hazard = paths['/api/v1/hazards/{id}']['get']['responses']['200']['content']['application/json'];
type Missing = paths['/api/v1/hazards/{id}']['get']['responses']['404']['content']['application/json'];
type Reported = paths['/api/v1/hazards']['post']['responses']['201']['content']['application/json'];
type Refused = paths['/api/v1/hazards/{id}/assignments']['post']['responses']['422']['content']['application/json'];
type History = paths['/api/v1/hazards/{id}/history']['get']['responses']['200']['content']['application/json'];
type Trail = paths['/api/v1/hazards/{id}/trail']['get']['responses']['200']['content']['application/json'];
type Integrity = paths['/api/v1/hazards/{id}/integrity']['get']['responses']['200']['content']['application/json'];
type HazardList = paths['/api/v1/hazards']['get']['responses']['200']['content']['application/json'];
type Summary = paths['/api/v1/dashboard/summary']['get']['responses']['200']['content']['application/json'];
type Tip = paths['/api/v1/tips/{id}']['get']['responses']['200']['content']['application/json'];
type Unit = paths['/api/v1/units/{creditCode}']['get']['responses']['200']['content']['application/json'];
type Statistics = paths['/api/v1/reports/statistics']['get']['responses']['200']['content']['application/json'];
type OverdueCsv = paths['/api/v1/dashboard/overdue']['get']['responses']['200']['content']['text/csv'];

export function describe(hazard: Hazard, reported: Reported, history: History, trail: Trail, integrity: Integrity): string {
  const status: 'found' | 'assigned' | 'rectified' | 'verified' | 'reopened' = hazard.status;
  const revision: number = hazard.revision;
  const deadline: string | undefined = hazard.deadline;
  const signedLate: boolean | undefined = hazard.supervision?.notice.signOverdue;
  const firstActor: string | undefined = history.events[0]?.metadata.actor.userId;
  const cycles: number = trail.cycles.length;
  const broken: number | undefined = integrity.brokenAt?.revision;
  return [status, revision, deadline, signedLate, reported.hazardId, reported.position, firstActor, cycles, integrity.valid, broken].join(' ');
}

export function explain(missing: Missing, refused: Refused, body: components['schemas']['ErrorBody']): string {
  const status: number = missing.statusCode;
  const code: string | undefined = refused.code;
  return [status, missing.message, code, body.error].join(' ');
}

export function count(list: HazardList, summary: Summary, tip: Tip, unit: Unit, statistics: Statistics, csv: OverdueCsv): number {
  const first: string | undefined = list.items[0]?.unitName;
  const pages: number = Math.ceil(list.total / list.pageSize) + list.page;
  const tipStatus: string = tip.status;
  const reports: number = unit.reports.length;
  const found: number = statistics.total.found;
  const file: string = csv;
  return pages + summary.total + summary.rectificationRate + reports + found + String(first).length + tipStatus.length + file.length;
}
`;

/** What a typo or an absent field must make fail: the generated types are not `any`. */
const WRONG_PROGRAM = `
import type { paths } from './api';
type Hazard = paths['/api/v1/hazards/{id}']['get']['responses']['200']['content']['application/json'];
export const revision = (hazard: Hazard): string => hazard.revison;
export const status = (hazard: Hazard): number => hazard.status;
`;

function generateClient(document: unknown, dir: string): void {
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  execFileSync(process.execPath, [GENERATOR, join(dir, 'openapi.json'), '-o', join(dir, 'api.ts')], { stdio: 'pipe' });
}

/** tsc (the project's typescript) over one file beside api.ts, strict: the diagnostics as text. */
function typeCheck(dir: string, source: string): string[] {
  const file = join(dir, 'client.ts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** A client generated from the live /docs-json with openapi-typescript knows the answers, not only the requests. */
describe('a typed client generated from the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let dir: string;
  let document: { paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>> };

  beforeAll(async () => {
    t = await TestApp.start();
    document = (await t.http().get('/docs-json').expect(200)).body;
    dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks a program reading hazard state, history, trail, integrity, lists, figures and error bodies', () => {
    generateClient(document, dir);
    expect(typeCheck(dir, PROGRAM)).toEqual([]);
  }, 60_000);

  it('refuses a program using a field the answer lacks or a field as the wrong type', () => {
    generateClient(document, dir);
    const errors = typeCheck(dir, WRONG_PROGRAM);
    expect(errors).toEqual([expect.stringContaining("Property 'revison' does not exist"), expect.stringMatching(/Type '.*' is not assignable to type 'number'/)]);
  }, 60_000);

  it('fails the same program when the document leaves the answers undescribed', () => {
    const withoutAnswers = {
      ...document,
      paths: Object.fromEntries(
        Object.entries(document.paths).map(([path, item]) => [
          path,
          Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...op, responses: Object.fromEntries(Object.keys(op.responses ?? {}).map((status) => [status, { description: 'undescribed' }])) }])),
        ]),
      ),
    };
    generateClient(withoutAnswers, dir);
    expect(typeCheck(dir, PROGRAM).length).toBeGreaterThan(0);
  }, 60_000);
});
