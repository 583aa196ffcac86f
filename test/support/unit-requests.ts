import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { TestClaims } from './test-app';

/** Units of 杭州市 with valid 统一社会信用代码 (GB 32100-2015 check characters), and the people who act for them. */
export const A = '91330102MA2B000015';
export const B = '91330102MA2B000028';
export const C = '91330106MA2C00003P';
export const D = '91330105MA2D00004Y';
export const E = '91330102MA2E000059';

export const rectifierOf = (unitId: string): TestClaims => ({ sub: `rect-${unitId.slice(-4)}`, dept: `unit-${unitId.slice(-4)}`, roles: ['rectifier'], unitId });

export function unitBody(creditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    creditCode,
    name: `杭州${creditCode.slice(-4)}有限公司`,
    industry: 'gas',
    type: 'high-risk',
    regionCode: '330102',
    supervisingDepartments: ['dept-gas'],
    principal: { name: '王建国', phone: '13800000001' },
    contacts: { email: 'safety@unit.example' },
    ...overrides,
  };
}

/** supertest buffers unknown binary types as text unless told otherwise. */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function firstSheet(buffer: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}
