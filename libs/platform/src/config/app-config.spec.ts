import { ConfigError, loadConfig } from '@hazard/platform';

describe('loadConfig', () => {
  it('has a default for everything, so a laptop needs no configuration', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', eventStore: 'sqlite', deadlineScanMs: 1000, logLevel: 'log', lateReportHours: 24, superviseMajor: true });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.jwtSecret).toBeUndefined();
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['EVENT_STORE', { EVENT_STORE: 'postgres' }],
    ['ESDB_CONNECTION_STRING', { EVENT_STORE: 'eventstoredb' }],
    ['ESDB_CONNECTION_STRING', { ESDB_CONNECTION_STRING: 'http://localhost:2113' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['DEADLINE_SCAN_MS', { DEADLINE_SCAN_MS: '-5' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['LATE_REPORT_HOURS', { LATE_REPORT_HOURS: '0' }],
    ['SUPERVISE_MAJOR', { SUPERVISE_MAJOR: 'yes' }],
  ])('a bad %s stops start-up with a message naming it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('accepts a valid EventStoreDB selection', () => {
    const config = loadConfig({ EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: 'esdb://node1:2113?tls=false' });
    expect(config).toMatchObject({ eventStore: 'eventstoredb', esdbConnectionString: 'esdb://node1:2113?tls=false' });
  });
});
