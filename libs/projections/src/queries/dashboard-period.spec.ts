import { DashboardPeriodError, dashboardPeriod, MAX_TREND_MONTHS, trendBuckets } from './dashboard-period';

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2026-04-15T03:00:00Z');
const at = (iso: string) => Date.parse(iso);
const fieldOf = (read: () => unknown): string | undefined => {
  try {
    read();
  } catch (error) {
    if (error instanceof DashboardPeriodError) return error.details.field;
    throw error;
  }
  return undefined;
};

describe('the dashboard period (from/to, TIME_ZONE days and months)', () => {
  it('runs from the first instant of from to the end of to, both inclusive, in the time zone', () => {
    expect(dashboardPeriod('2026-01', '2026-03', ZONE)).toEqual({ fromMs: at('2026-01-01T00:00:00+08:00'), toMs: at('2026-04-01T00:00:00+08:00') });
    expect(dashboardPeriod('2026-03-31', '2026-03-31', ZONE)).toEqual({ fromMs: at('2026-03-31T00:00:00+08:00'), toMs: at('2026-04-01T00:00:00+08:00') });
    expect(dashboardPeriod('2026-03', undefined, 'UTC')?.fromMs).toBe(at('2026-03-01T00:00:00Z'));
    expect(dashboardPeriod(undefined, undefined, ZONE)).toBeUndefined();
  });

  it('refuses a day that does not exist, or a to before from, naming the field', () => {
    expect(fieldOf(() => dashboardPeriod('2026-02-30', undefined, ZONE))).toBe('from');
    expect(fieldOf(() => dashboardPeriod('2026-03', '2026-02-28', ZONE))).toBe('to');
    expect(fieldOf(() => dashboardPeriod('2026-03-01', '2026-03-01', ZONE))).toBeUndefined();
    expect(fieldOf(() => trendBuckets('2026-04', '2026-03', ZONE, NOW))).toBe('to');
  });

  it('draws the months of from–to, the first and last cut to the days asked for', () => {
    const buckets = trendBuckets('2026-01-15', '2026-03-10', ZONE, NOW);
    expect(buckets.map((b) => b.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(buckets[0]).toMatchObject({ fromMs: at('2026-01-15T00:00:00+08:00'), toMs: at('2026-02-01T00:00:00+08:00') });
    expect(buckets[2]).toMatchObject({ fromMs: at('2026-03-01T00:00:00+08:00'), toMs: at('2026-03-11T00:00:00+08:00') });
  });

  it('defaults to the twelve months up to the one now is in, in the time zone', () => {
    const lastDay = new Date('2026-03-31T17:00:00Z'); // already 1 April in Shanghai
    expect(trendBuckets(undefined, undefined, ZONE, lastDay).map((b) => b.month)).toEqual([
      '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
    ]);
    expect(trendBuckets(undefined, undefined, 'UTC', lastDay).at(-1)?.month).toBe('2026-03');
    expect(trendBuckets(undefined, '2026-02', ZONE, NOW).map((b) => b.month)[0]).toBe('2025-03');
  });

  it(`draws at most ${MAX_TREND_MONTHS} months`, () => {
    expect(trendBuckets('2016-05', '2026-04', ZONE, NOW)).toHaveLength(MAX_TREND_MONTHS);
    expect(fieldOf(() => trendBuckets('2016-04', '2026-04', ZONE, NOW))).toBe('from');
  });
});
