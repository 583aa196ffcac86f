import { selfCheckPeriod, selfCheckPeriodOf } from './self-check-period';

describe('self-check periods in TIME_ZONE', () => {
  it('a month is [local midnight of its 1st, of the next 1st), late from midnight after the 15th of the next month', () => {
    expect(selfCheckPeriod('2026-03', 'Asia/Shanghai')).toEqual({
      period: '2026-03',
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
      lateFrom: '2026-04-16T00:00:00+08:00',
      label: '2026年3月',
    });
  });

  it('a quarter is late from 16 days after it ends; December rolls into the next year', () => {
    expect(selfCheckPeriod('2026Q1', 'Asia/Shanghai')).toMatchObject({ to: '2026-04-01T00:00:00+08:00', lateFrom: '2026-04-16T00:00:00+08:00', label: '2026年第一季度' });
    expect(selfCheckPeriod('2026-12', 'Asia/Shanghai')).toMatchObject({ to: '2027-01-01T00:00:00+08:00', lateFrom: '2027-01-16T00:00:00+08:00' });
  });

  it('refuses a year, a fifth quarter and a thirteenth month', () => {
    for (const bad of ['2026', '2026Q5', '2026-13']) expect(() => selfCheckPeriod(bad, 'Asia/Shanghai')).toThrow(/period/);
  });

  it('finds the month and quarter of an instant in the zone, not in UTC', () => {
    expect(selfCheckPeriodOf('2026-03-31T16:30:00Z', 'month', 'Asia/Shanghai')).toBe('2026-04');
    expect(selfCheckPeriodOf('2026-03-31T16:30:00Z', 'quarter', 'Asia/Shanghai')).toBe('2026Q2');
    expect(selfCheckPeriodOf('2026-03-31T15:30:00Z', 'quarter', 'Asia/Shanghai')).toBe('2026Q1');
  });
});
