import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { admin, inspector, otherRectifier, rectifier, reviewer, supervisor } from './actors';
import { assignBody, reportBody } from './hazard-requests';
import { FakeClock, TestApp, TestClaims } from './test-app';

export type HazardName = 'A' | 'S' | 'F';

export const selfRectifier: TestClaims = { sub: 'rect-qin', dept: 'unit-self', roles: ['rectifier'], unitId: 'UNIT-SELF' };
export const tipOfficer: TestClaims = { sub: 'tip-he', dept: 'dept-letters', roles: ['tip-officer'], sectors: ['gas'], regions: ['3301'] };

/**
 * Who reads what (API.md "Read scope") of three hazards:
 *   A gas  330102 citizen-report UNIT-GASCO  assigned to UNIT-GASCO, then reassigned to UNIT-THIRD (dept-gas); found again; overdue
 *   S gas  330102 self-check     UNIT-SELF   found only (the unit's own report)
 *   F fire 330201 media          UNIT-OTHER  assigned to UNIT-OTHER (dept-fire); found again; overdue
 */
export const READERS: readonly { readonly role: string; readonly claims: TestClaims; readonly reads: readonly HazardName[]; readonly hidesSource: boolean }[] = [
  { role: 'inspector', claims: inspector, reads: ['A', 'S'], hidesSource: false },
  { role: 'supervisor', claims: supervisor, reads: ['A', 'S'], hidesSource: false },
  { role: 'rectifier of the assigned unit', claims: rectifier, reads: ['A'], hidesSource: true },
  { role: 'rectifier of another unit', claims: otherRectifier, reads: ['F'], hidesSource: true },
  { role: 'rectifier whose unit reported it by self-check', claims: selfRectifier, reads: ['S'], hidesSource: true },
  { role: 'tip-officer', claims: tipOfficer, reads: ['A', 'S'], hidesSource: false },
  { role: 'reviewer', claims: reviewer, reads: ['A', 'S', 'F'], hidesSource: false },
  { role: 'admin', claims: admin, reads: ['A', 'S', 'F'], hidesSource: false },
];

export const HAZARDS: readonly HazardName[] = ['A', 'S', 'F'];
export const UNIT_OF: Record<HazardName, string> = { A: 'UNIT-GASCO', S: 'UNIT-SELF', F: 'UNIT-OTHER' };
export const DEPARTMENT_OF: Partial<Record<HazardName, string>> = { A: 'dept-gas', F: 'dept-fire' };
/** Overdue now and found again: what the overdue list, the repeat units and the scorecards hold. */
export const WORKED_ON: readonly HazardName[] = ['A', 'F'];

const D1 = '2026-03-15T18:00:00+08:00';
export const NOW = '2026-03-20T00:00:00Z';

export interface World {
  readonly ids: Record<HazardName, string>;
  /** The log position of the last command. */
  readonly last: number;
  /** The hazard named by a stream's hazardId, if it is one of ours. */
  readonly nameOf: (hazardId: string) => HazardName | undefined;
}

/**
 * Writes the three hazards, waiting after each command until the projector has committed it, so each change is
 * its own batch (and `/stream` decides on the hazard as it stood right after it); then moves the clock past D1.
 */
export async function buildWorld(t: TestApp, clock: FakeClock): Promise<World> {
  let last = 0;
  const settle = async (res: { body: { position: number } }) => {
    last = Math.max(last, res.body.position);
    await t.as(reviewer).get(`/api/v1/dashboard/summary?minPosition=${last}`).expect(200);
    return res.body as { hazardId: string; position: number };
  };
  const bodies = {
    A: reportBody({ unitId: UNIT_OF.A, source: 'citizen-report' }),
    S: reportBody({ unitId: UNIT_OF.S, unitName: '某自查企业', source: 'self-check' }),
    F: reportBody({ unitId: UNIT_OF.F, unitName: '某商场', sector: 'fire', regionCode: '330201', source: 'media' }),
  };
  const ids = {} as Record<HazardName, string>;
  for (const name of HAZARDS) ids[name] = (await settle(await t.as(name === 'F' ? admin : inspector).post('/api/v1/hazards').send(bodies[name]).expect(201))).hazardId;
  const post = async (who: TestClaims, name: HazardName, path: string, body: object) => settle(await t.as(who).post(`/api/v1/hazards/${ids[name]}/${path}`).send(body).expect(200));
  await post(supervisor, 'A', 'assignments', assignBody({ deadline: D1, responsibleUnitId: UNIT_OF.A }));
  await post(supervisor, 'A', 'assignments', assignBody({ deadline: D1, responsibleUnitId: 'UNIT-THIRD' }));
  await post(admin, 'F', 'assignments', assignBody({ deadline: D1, responsibleUnitId: UNIT_OF.F, supervisingDepartment: 'dept-fire' }));
  await settle(await t.as(inspector).post('/api/v1/hazards').send(bodies.A).expect(200));
  await settle(await t.as(admin).post('/api/v1/hazards').send(bodies.F).expect(200));
  clock.set(NOW);
  const names = new Map(HAZARDS.map((name) => [ids[name], name]));
  return { ids, last, nameOf: (hazardId) => names.get(hazardId) };
}

/** Collects a download's bytes (superagent's parser). */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every cell of the first sheet, as text. */
export async function sheetText(buffer: Buffer): Promise<string> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[]).slice(1).map(String)));
  return cells.join('\n');
}
