import { RecordedEvent } from '@hazard/event-store';
import {
  hazardFound,
  hazardFoundAgain,
  hazardLevelChanged,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  rectificationAssigned,
  remediationPlanSubmitted,
  supervisionImposed,
} from '../../../domain/src/testing/hazard.mother';
import { collectCycleFacts, fenOf, foldCycleFacts, HazardFacts } from './cycle-facts';
import { hazardNamed, RecordedLog } from './testing/recorded-log';

const A = hazardNamed('A');
const DISCOVERED = '2026-01-05T09:00:00+08:00';
const RECORDED = '2026-01-07T10:00:00+08:00';

function factsOf(log: RecordedLog): HazardFacts {
  const facts = log.facts();
  expect(facts).toHaveLength(1);
  return facts[0]!;
}

describe('statistics facts: one fold of the log into per-cycle facts', () => {
  it('HazardFound opens cycle 1 at its discoveredAt, with the profile, source and level; stamped with position and recordedAt', () => {
    const log = new RecordedLog().record(A, hazardFound({ hazardId: A, source: 'citizen-report', discoveredAt: DISCOVERED }), '2026-01-07T09:59:00+08:00', RECORDED);

    expect(factsOf(log)).toEqual({
      hazardId: A, unitId: 'UNIT-GASCO', sector: 'gas', regionCode: '330102', level: 'general', occurrence: 1, levels: [], supervision: [],
      cycles: [{ occurrence: 1, opened: { type: 'HazardFound', source: 'citizen-report', at: DISCOVERED, position: 1, recordedAt: RECORDED }, facts: [] }],
    });
  });

  it('cycle events land in the current cycle at occurredAt; the deadline follows assignment and extension; funding in fen, null for an old plan', () => {
    const log = new RecordedLog()
      .record(A, hazardFound({ hazardId: A, level: 'major' }), '2026-01-05T10:00:00+08:00')
      .record(A, rectificationAssigned({ deadline: '2026-02-01T18:00:00+08:00' }), '2026-01-06T10:00:00+08:00')
      .record(A, remediationPlanSubmitted(), '2026-01-07T10:00:00+08:00')
      .record(A, remediationPlanSubmitted({ fundingAmount: 1234.56 }), '2026-01-08T10:00:00+08:00')
      .record(A, { type: 'DeadlineExtended', data: { previousDeadline: '2026-02-01T18:00:00+08:00', newDeadline: '2026-03-01T18:00:00+08:00', reason: 'r', approvedBy: 's' } }, '2026-01-09T10:00:00+08:00')
      .record(A, hazardRectified({ onTime: false }), '2026-03-02T10:00:00+08:00');

    expect(factsOf(log).cycles[0]!.facts.map(({ recordedAt: _r, ...f }) => f)).toEqual([
      { type: 'RectificationAssigned', deadline: '2026-02-01T18:00:00+08:00', at: '2026-01-06T10:00:00+08:00', position: 2 },
      { type: 'RemediationPlanSubmitted', fundingFen: null, at: '2026-01-07T10:00:00+08:00', position: 3 },
      { type: 'RemediationPlanSubmitted', fundingFen: 123456, at: '2026-01-08T10:00:00+08:00', position: 4 },
      { type: 'DeadlineExtended', deadline: '2026-03-01T18:00:00+08:00', at: '2026-01-09T10:00:00+08:00', position: 5 },
      { type: 'HazardRectified', onTime: false, at: '2026-03-02T10:00:00+08:00', position: 6 },
    ]);
  });

  it('found again while open is no new cycle; found again after verification opens one at its discoveredAt, reopened at occurredAt', () => {
    const log = new RecordedLog()
      .record(A, hazardFound({ hazardId: A }), '2026-01-05T10:00:00+08:00')
      .record(A, hazardFoundAgain({ hazardId: A, previousStatus: 'found' }), '2026-01-06T10:00:00+08:00')
      .record(A, hazardVerified(), '2026-01-10T10:00:00+08:00')
      .record(A, hazardFoundAgain({ hazardId: A, previousStatus: 'verified', occurrence: 2, source: 'self-check', discoveredAt: '2026-02-01T08:00:00+08:00' }), '2026-02-03T10:00:00+08:00')
      .record(A, hazardVerified({ occurrence: 2 }), '2026-02-10T10:00:00+08:00')
      .record(A, hazardReopened({ occurrence: 3 }), '2026-02-20T10:00:00+08:00');

    const facts = factsOf(log);
    expect(facts.occurrence).toBe(3);
    expect(facts.cycles.map((c) => [c.occurrence, c.opened.type, c.opened.source, c.opened.at, c.facts.map((f) => f.type)])).toEqual([
      [1, 'HazardFound', 'inspection', '2026-02-28T09:30:00+08:00', ['HazardVerified']],
      [2, 'HazardFoundAgain', 'self-check', '2026-02-01T08:00:00+08:00', ['HazardVerified']],
      [3, 'HazardReopened', null, '2026-02-20T10:00:00+08:00', []],
    ]);
  });

  it('level changes and supervision belong to the hazard, carried into later cycles, each with the cycle current then', () => {
    const log = new RecordedLog()
      .record(A, hazardFound({ hazardId: A }), '2026-01-05T10:00:00+08:00')
      .record(A, hazardLevelChanged({ to: 'major' }), '2026-01-06T10:00:00+08:00')
      .record(A, hazardVerified(), '2026-01-10T10:00:00+08:00')
      .record(A, hazardReopened({ occurrence: 2 }), '2026-01-20T10:00:00+08:00')
      .record(A, supervisionImposed({ authorityLevel: 'city' }), '2026-01-21T10:00:00+08:00');

    const facts = factsOf(log);
    expect(facts.levels).toMatchObject([{ type: 'HazardLevelChanged', level: 'major', occurrence: 1, at: '2026-01-06T10:00:00+08:00' }]);
    expect(facts.supervision).toMatchObject([{ type: 'SupervisionImposed', authorityLevel: 'city', occurrence: 2, position: 5 }]);
  });

  it('skips other streams, unknown types and events before a HazardFound; a second HazardFound changes nothing', () => {
    const log = new RecordedLog().record(A, rectificationAssigned(), '2026-01-04T10:00:00+08:00').record(A, hazardFound({ hazardId: A }), '2026-01-05T10:00:00+08:00');
    const [early, found] = log.events() as [RecordedEvent, RecordedEvent];
    const facts = foldCycleFacts(undefined, found)!;

    expect(foldCycleFacts(undefined, early)).toBeUndefined();
    expect(foldCycleFacts(facts, { ...found, streamId: 'tip-1', type: 'RectificationAssigned' })).toBe(facts);
    expect(foldCycleFacts(facts, { ...found, type: 'HazardPhotographedByDrone' })).toBe(facts);
    expect(foldCycleFacts(facts, { ...found, position: 9 })).toBe(facts);
  });

  it('plain JSON: what a read-model table stores and reads back folds on exactly as in memory', () => {
    const log = new RecordedLog()
      .record(A, hazardFound({ hazardId: A, level: 'major' }), '2026-01-05T10:00:00+08:00')
      .record(A, rectificationAssigned(), '2026-01-06T10:00:00+08:00')
      .record(A, remediationPlanSubmitted({ fundingAmount: 0.1 }), '2026-01-07T10:00:00+08:00');
    const [first, ...rest] = log.events();
    let stored = JSON.stringify(foldCycleFacts(undefined, first!));
    for (const r of rest) stored = JSON.stringify(foldCycleFacts(JSON.parse(stored) as HazardFacts, r));

    expect(JSON.parse(stored)).toEqual(factsOf(log));
    expect([...collectCycleFacts(log.events()).keys()]).toEqual([A]);
  });

  it('fen: yuan with at most two decimals rounds exactly; anything but a finite number is no amount', () => {
    expect([0.1, 0.2, 0.29, 1.15, 19.99, 1e12].map(fenOf)).toEqual([10, 20, 29, 115, 1999, 1e14]);
    expect(fenOf(0.1)! + fenOf(0.2)!).toBe(30);
    expect([undefined, null, Number.NaN, '1.5', Infinity].map(fenOf)).toEqual([null, null, null, null, null]);
  });
});
