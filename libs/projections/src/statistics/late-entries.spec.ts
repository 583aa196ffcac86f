import { lateEntries } from './late-entries';
import { differences } from './statistics-differences';
import { computeStatistics, rowKeysOf } from './statistics-report';
import { aCatalogue } from './testing/statistics-catalogue.double';
import { E, E_DISCOVERED, E_RECORDED, FILED_AT, firstQuarterLog } from './testing/first-quarter-log';
import { q1Query } from './testing/statistics.mother';

/** A filing of 2026Q1 made on 04-04, before E's finding of 03-31 was entered on 04-05 (迟报). */
describe('a filing and the late finding recorded after it', () => {
  const log = firstQuarterLog();
  const catalogue = aCatalogue();
  const position = log.positionAt(FILED_AT);
  const filed = computeStatistics(log.facts(position), q1Query(), catalogue);
  const filing = { position, rowKeys: rowKeysOf(filed), digest: filed.digest };
  const asFiled = computeStatistics(log.facts(), q1Query({ asOfPosition: filing.position, rowKeys: filing.rowKeys }), catalogue);
  const asCorrected = computeStatistics(log.facts(), q1Query({ rowKeys: filing.rowKeys }), catalogue);

  it('recomputed from the facts at its position, the filing has its digest and no differences', () => {
    expect(asFiled.digest).toBe(filing.digest);
    expect(differences(filed, asFiled)).toEqual([]);
    expect(lateEntries(log.facts(position), position, q1Query().to)).toEqual([]);
  });

  it('the late finding is the one late entry: it counts at its discoveredAt, recorded after the position', () => {
    expect(position).toBe(log.head - 1);
    expect(lateEntries(log.facts(), filing.position, q1Query().to)).toEqual([
      { hazardId: E, occurrence: 1, type: 'HazardFound', countsAt: E_DISCOVERED, recordedAt: E_RECORDED, position: log.head },
    ]);
  });

  it('a late entry outside the scope is not listed; one counting after `to` is not late for this period', () => {
    expect(lateEntries(log.facts(), filing.position, q1Query().to, { regionCode: '330102' })).toEqual([]);
    expect(lateEntries(log.facts(), filing.position, q1Query().to, { sectors: ['construction'] })).toHaveLength(1);
    expect(lateEntries(log.facts(), filing.position, '2026-03-31T23:59:00+08:00')).toEqual([]);
  });

  it('differences: the corrected report differs from the filed one only through the late finding, row and total', () => {
    expect(asCorrected.digest).not.toBe(filing.digest);
    expect(differences(asFiled, asCorrected)).toEqual([
      { key: '330106', field: 'found', asFiled: 0, asCorrected: 1 },
      { key: '330106', field: 'foundGeneral', asFiled: 0, asCorrected: 1 },
      { key: '330106', field: 'openAtEnd', asFiled: 0, asCorrected: 1 },
      { key: '330106', field: 'bySource.other', asFiled: 0, asCorrected: 1 },
      { key: 'total', field: 'found', asFiled: 6, asCorrected: 7 },
      { key: 'total', field: 'foundGeneral', asFiled: 4, asCorrected: 5 },
      { key: 'total', field: 'rectificationRateGeneral', asFiled: 0.5, asCorrected: 0.4 },
      { key: 'total', field: 'openAtEnd', asFiled: 3, asCorrected: 4 },
      { key: 'total', field: 'bySource.other', asFiled: 2, asCorrected: 3 },
    ]);
  });

  it('a row only one side has is listed with null on the other', () => {
    const grown = computeStatistics(log.facts(), q1Query(), aCatalogue([{ code: '330108', name: '滨江区', parent: '3301' }]));

    expect(differences(asCorrected, grown).filter((d) => d.key === '330108')).toContainEqual({ key: '330108', field: 'found', asFiled: null, asCorrected: 0 });
  });
});
