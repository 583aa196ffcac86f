import { hazardIdFor } from '@hazard/domain';
import { Claims, signToken } from '@hazard/platform';
import { creditCodeOf } from '../../apps/cli/src/seed/units';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

const UNIT = creditCodeOf('330106', 4242);
const claims = {
  inspector: { sub: 'insp-bench', dept: 'dept-gas', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] },
  supervisor: { sub: 'sup-bench', dept: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'], authority: 'county' },
  rectifier: { sub: 'rect-bench', dept: 'unit-bench', roles: ['rectifier'], sectors: [], regions: [], unitId: UNIT },
  admin: { sub: 'admin-bench', dept: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'], authority: 'city' },
} satisfies Record<string, Claims>;

export type Role = keyof typeof claims;

export function tokens(secret = BENCH_SECRET): Record<Role, string> {
  const sign = (c: Claims) => `Bearer ${signToken(c, secret, 4 * 3600)}`;
  return { inspector: sign(claims.inspector), supervisor: sign(claims.supervisor), rectifier: sign(claims.rectifier), admin: sign(claims.admin) };
}

export interface MixRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export const STAGES = ['report', 'assign', 'plan', 'rectify', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

/** What one walk through the stages knows: the hazard it is walking. */
export interface WalkContext {
  hazardId?: string;
}

let serial = 0;

/**
 * The command mix of issue 14 — report, assign, plan, rectify, verify in equal shares — as walks: a major gas
 * hazard is reported, assigned, planned (治理方案), rectified and verified (not passed: passing a major hazard
 * needs a 销号 application, which is not in the mix). Each request is legitimate once the one before it in
 * the walk succeeded, so every non-2xx is an error of the product.
 */
export function mixRequest(stage: Stage, context: WalkContext, auth: Record<Role, string>, prefix: string): MixRequest {
  const now = Date.now();
  const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();
  const post = (role: Role, path: string, body: unknown): MixRequest => ({
    method: 'POST', path, headers: { authorization: auth[role], 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  switch (stage) {
    case 'report': {
      serial += 1;
      const location = `${prefix} 调压箱 ${serial}`;
      context.hazardId = hazardIdFor({ unitId: UNIT, location, categoryCode: 'GAS-PIPE-AGING' });
      return post('inspector', '/api/v1/hazards', {
        unitId: UNIT, unitName: '杭州西湖燃气有限公司', location, categoryCode: 'GAS-PIPE-AGING', sector: 'gas', regionCode: '330106',
        level: 'major', source: 'inspection', description: '调压箱锈蚀严重，存在漏气风险', discoveredAt: iso(-3_600_000), evidence: ['photo-001.jpg'],
      });
    }
    case 'assign':
      return post('supervisor', `/api/v1/hazards/${context.hazardId}/assignments`, {
        responsibleUnitId: UNIT, responsiblePerson: '张三', supervisingDepartment: 'dept-gas', deadline: iso(30 * 86_400_000), requirements: '更换锈蚀调压箱，加装泄漏报警',
      });
    case 'plan':
      return post('rectifier', `/api/v1/hazards/${context.hazardId}/plan`, {
        goals: '消除漏气隐患', measures: '更换调压箱', funding: '企业自筹20万元', organisation: '安全科 张三', timeline: '一个月内完成', safetyMeasures: '施工期间设置警戒区，制定应急预案',
      });
    case 'rectify':
      return post('rectifier', `/api/v1/hazards/${context.hazardId}/rectifications`, { measures: '已更换调压箱', evidence: ['after-001.jpg'], completedAt: iso(-60_000) });
    case 'verify':
      return post('supervisor', `/api/v1/hazards/${context.hazardId}/verifications`, { passed: false, notes: '复查未通过，报警器未联动' });
  }
}
