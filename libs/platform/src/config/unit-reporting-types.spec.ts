import { ConfigError, loadConfig } from '@hazard/platform';

describe('UNIT_REPORTING_TYPES', () => {
  it('defaults to high-risk, above-scale, crowded-place and takes any distinct unit types', () => {
    expect(loadConfig({}).unitReportingTypes).toEqual(['high-risk', 'above-scale', 'crowded-place']);
    expect(loadConfig({ UNIT_REPORTING_TYPES: 'high-risk, other' }).unitReportingTypes).toEqual(['high-risk', 'other']);
  });

  it.each(['high-risk,factory', 'high-risk,high-risk', 'high-risk,', ','])('a bad value (%s) stops start-up naming it', (value) => {
    expect(() => loadConfig({ UNIT_REPORTING_TYPES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ UNIT_REPORTING_TYPES: value })).toThrow('UNIT_REPORTING_TYPES');
  });
});
