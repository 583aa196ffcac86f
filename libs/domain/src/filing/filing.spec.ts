import { ForbiddenError } from '../hazard/hazard.errors';
import { canReadFiling, mayReadReports, reportReadScope } from './filing.access';
import { filingAggregate } from './filing.aggregate';
import { filingDecoder } from './filing.decoder';
import { FilingRuleError } from './filing.errors';
import { FilingEvent } from './filing.events';
import { filingIdFor } from './filing-id';
import { FilingState } from './filing.state';
import { admin, COMMAND_ID, fileStatisticsReport, gasInspector, gasSupervisor, Q1_END, rectifier, reportContent, reviewer } from './testing/filing.mother';

const { decider } = filingAggregate;
const fold = (events: readonly FilingEvent[]): FilingState => events.reduce(decider.evolve, decider.initialState());

describe('FileStatisticsReport', () => {
  it('records StatisticsReportFiled with exactly the design’s fields, the filer and the id derived from the commandId', () => {
    const events = decider.decide(fileStatisticsReport(), fold([]));

    expect(events).toEqual([
      {
        type: 'StatisticsReportFiled',
        data: { filingId: filingIdFor(COMMAND_ID), ...reportContent(), filedBy: 'sup-zhao', filedByDepartment: 'dept-gas' },
      },
    ]);
    expect(Object.keys(events[0]!.data)).toEqual([
      'filingId', 'period', 'from', 'to', 'timeZone', 'regionCode', 'sectors', 'groupBy', 'rowKeys', 'position', 'digest', 'definitionVersion', 'catalogueVersion',
      'filedBy', 'filedByDepartment',
    ]);
    expect(fold(events)).toEqual({ exists: true, filing: events[0]!.data });
  });

  it('names its stream report-filing-<UUID v5 of the commandId>', () => {
    const id = filingAggregate.idOf(fileStatisticsReport());

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toBe(filingIdFor(COMMAND_ID));
    expect(filingDecoder.streamIdFor(id)).toBe(`report-filing-${id}`);
    expect(filingDecoder.idOf(`report-filing-${id}`)).toBe(id);
    expect(filingDecoder.idOf(`hazard-${id}`)).toBeUndefined();
  });

  it('refuses a period that has not ended (REPORT.PERIOD_NOT_ENDED); it may be filed the instant it ends', () => {
    const running = () => decider.decide(fileStatisticsReport({}, gasSupervisor, '2026-03-31T23:59:59.999+08:00'), fold([]));

    expect(running).toThrow(FilingRuleError);
    expect(running).toThrow(expect.objectContaining({ code: 'REPORT.PERIOD_NOT_ENDED', details: { period: '2026Q1', to: Q1_END } }));
    expect(decider.decide(fileStatisticsReport({}, gasSupervisor, '2026-03-31T16:00:00.000Z'), fold([]))).toHaveLength(1);
  });

  it('refuses to file twice on one stream', () => {
    const filed = fold(decider.decide(fileStatisticsReport(), fold([])));

    expect(() => decider.decide(fileStatisticsReport(), filed)).toThrow(expect.objectContaining({ code: 'REPORT.ALREADY_FILED' }));
  });
});

describe('who may file', () => {
  const authorize = (command: ReturnType<typeof fileStatisticsReport>) => () => filingAggregate.authorize(command, fold([]));

  it('an admin anywhere, also for every region and sector', () => {
    expect(authorize(fileStatisticsReport({ regionCode: null, sectors: null }, admin))).not.toThrow();
  });

  it('a supervisor for a regionCode under its regions, with sectors within its own', () => {
    expect(authorize(fileStatisticsReport({ regionCode: '330102' }))).not.toThrow();
    expect(authorize(fileStatisticsReport({ regionCode: '3302' }))).toThrow(ForbiddenError);
    expect(authorize(fileStatisticsReport({ regionCode: '33' }))).toThrow(/region 33 is outside your regions/);
    expect(authorize(fileStatisticsReport({ sectors: ['fire', 'gas'] }))).toThrow(/sector fire is outside/);
    expect(authorize(fileStatisticsReport({ sectors: null }))).toThrow(/every sector is outside/);
  });

  it('not a supervisor without regionCode, nor a reviewer, an inspector or a rectifier', () => {
    expect(authorize(fileStatisticsReport({ regionCode: null }))).toThrow(/give regionCode/);
    expect(authorize(fileStatisticsReport({ regionCode: null }, { ...gasSupervisor, regions: ['*'] }))).toThrow(ForbiddenError);
    for (const actor of [reviewer, gasInspector, rectifier]) expect(authorize(fileStatisticsReport({}, actor))).toThrow(ForbiddenError);
  });
});

describe('who may read reports and filings', () => {
  it('any role but rectifier; admin and reviewer see everything, others their sectors × regions', () => {
    expect([admin, reviewer, gasSupervisor, gasInspector, rectifier].map(mayReadReports)).toEqual([true, true, true, true, false]);
    expect(reportReadScope(reviewer)).toEqual({ sectors: null, regions: null });
    expect(reportReadScope({ ...admin, sectors: [], regions: [] })).toEqual({ sectors: null, regions: null });
    expect(reportReadScope(gasInspector)).toEqual({ sectors: ['gas'], regions: ['3301'] });
    expect(reportReadScope({ ...gasInspector, sectors: ['*'] })).toEqual({ sectors: null, regions: ['3301'] });
  });

  it('a filing only by those whose regions and sectors cover all of it', () => {
    expect(canReadFiling(gasInspector, { regionCode: '330102', sectors: ['gas'] })).toBe(true);
    expect(canReadFiling(gasInspector, { regionCode: '3302', sectors: ['gas'] })).toBe(false);
    expect(canReadFiling(gasInspector, { regionCode: '3301', sectors: ['fire', 'gas'] })).toBe(false);
    expect(canReadFiling(gasInspector, { regionCode: null, sectors: ['gas'] })).toBe(false);
    expect(canReadFiling(gasInspector, { regionCode: '3301', sectors: null })).toBe(false);
    expect(canReadFiling(reviewer, { regionCode: null, sectors: null })).toBe(true);
    expect(canReadFiling(rectifier, { regionCode: '3301', sectors: ['gas'] })).toBe(false);
  });
});
