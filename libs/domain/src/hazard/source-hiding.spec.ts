import { admin, rectifier, supervisor, tipOfficer } from '../testing/hazard.mother';
import { Actor } from '../shared/actor';
import { shownTo, withoutSource } from './source-hiding';

const finding = { type: 'HazardFoundAgain', data: { source: 'citizen-report', tipNo: 'JB-2026-000001', description: '漏气', evidence: ['a.jpg'] } };
const state = { hazardId: 'h', source: 'citizen-report', selfReported: false, assignedUnitIds: ['U'], plan: null, refindings: [{ source: 'media', occurrence: 2 }] };

describe('source hiding: a rectifier never sees source or tipNo', () => {
  it('removes source, tipNo and selfReported at any depth, and keeps everything else', () => {
    expect(withoutSource(state)).toEqual({ hazardId: 'h', assignedUnitIds: ['U'], plan: null, refindings: [{ occurrence: 2 }] });
    expect(withoutSource([finding])).toEqual([{ type: 'HazardFoundAgain', data: { description: '漏气', evidence: ['a.jpg'] } }]);
    expect(withoutSource('citizen-report')).toBe('citizen-report');
  });

  it('leaves the value as it was', () => {
    withoutSource(state);
    expect(state.source).toBe('citizen-report');
  });

  it.each<[string, Actor, boolean]>([
    ['a rectifier', rectifier, true],
    ['a supervisor', supervisor, false],
    ['a tip officer', tipOfficer, false],
    ['an admin', admin, false],
    ['a rectifier who is also an inspector', { ...rectifier, roles: ['rectifier', 'inspector'] }, false],
  ])('%s: hidden %s', (_, actor, hidden) => {
    expect(JSON.stringify(shownTo(actor, finding)).includes('citizen-report')).toBe(!hidden);
  });
});
