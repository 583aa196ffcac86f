import { parsePeriod, PeriodError, periodEnd, periodHasBegun, periodHasEnded, periodLabel } from './period';

const SHANGHAI = 'Asia/Shanghai';

describe('statistics period', () => {
  it('a quarter runs from local midnight to the next quarter’s local midnight in the zone', () => {
    expect(parsePeriod('2026Q1', SHANGHAI)).toEqual({
      period: '2026Q1', kind: 'quarter', timeZone: SHANGHAI, from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', label: '2026年第一季度',
    });
  });

  it('2026-03-31T23:59+08:00 is in Q1 and 2026-04-01T00:00+08:00 is not', () => {
    const { from, to } = parsePeriod('2026Q1', SHANGHAI);
    const inQ1 = (at: string) => Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(to);

    expect(inQ1('2026-03-31T23:59:00+08:00')).toBe(true);
    expect(inQ1('2026-04-01T00:00:00+08:00')).toBe(false);
    expect(inQ1('2026-03-31T16:00:00Z')).toBe(false); // the same instant as 04-01 00:00 in Shanghai
    expect(inQ1('2025-12-31T16:00:00Z')).toBe(true);
  });

  it('a year and a month, with their zh-CN labels', () => {
    expect(parsePeriod('2026', SHANGHAI)).toMatchObject({ kind: 'year', from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00', label: '2026年度' });
    expect(parsePeriod('2026-03', SHANGHAI)).toMatchObject({ kind: 'month', from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', label: '2026年3月' });
    expect(parsePeriod('2026-12', SHANGHAI)).toMatchObject({ to: '2027-01-01T00:00:00+08:00', label: '2026年12月' });
    expect(['2026Q2', '2026Q3', '2026Q4'].map(periodLabel)).toEqual(['2026年第二季度', '2026年第三季度', '2026年第四季度']);
  });

  it('boundaries are local midnights of the zone, with its offset on that day (also across a DST change)', () => {
    expect(parsePeriod('2026Q1', 'UTC')).toMatchObject({ from: '2026-01-01T00:00:00+00:00', to: '2026-04-01T00:00:00+00:00' });
    expect(parsePeriod('2026-03', 'Europe/Berlin')).toMatchObject({ from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00' });
  });

  it.each(['2026Q5', '2026-13', '2026-00', '2026Q0', '26', '2026-3', '2026q1', ' 2026', ''])('refuses %j with a PeriodError naming period', (text) => {
    const refusal = () => parsePeriod(text, SHANGHAI);

    expect(refusal).toThrow(PeriodError);
    expect(refusal).toThrow(expect.objectContaining({ code: 'REPORT.INVALID_PERIOD', details: { field: 'period', value: text } }));
    expect(refusal).toThrow(/period/);
  });

  it('an unknown time zone is a configuration error, not a bad period', () => {
    expect(() => parsePeriod('2026Q1', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('end is min(to, now) written in the zone; begun and ended compare instants', () => {
    const q1 = parsePeriod('2026Q1', SHANGHAI);

    expect(periodEnd(q1, '2026-02-10T02:30:00Z')).toBe('2026-02-10T10:30:00+08:00');
    expect(periodEnd(q1, '2026-02-10T02:30:00.250Z')).toBe('2026-02-10T10:30:00.250+08:00');
    expect(periodEnd(q1, '2026-05-01T00:00:00+08:00')).toBe(q1.to);
    expect(periodHasBegun(q1, '2025-12-31T23:59:59+08:00')).toBe(false);
    expect(periodHasBegun(q1, q1.from)).toBe(true);
    expect(periodHasEnded(q1, '2026-03-31T23:59:59+08:00')).toBe(false);
    expect(periodHasEnded(q1, '2026-03-31T16:00:00Z')).toBe(true);
  });
});
