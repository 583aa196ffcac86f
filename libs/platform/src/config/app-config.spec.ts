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
    ['EVENT_STORE', { EVENT_STORE: 'mysql' }],
    ['DATABASE_URL', { EVENT_STORE: 'postgres' }],
    ['DATABASE_URL', { EVENT_STORE: 'postgres', DATABASE_URL: 'not a url' }],
    ['DATABASE_URL', { EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://db:3306/ledger' }],
    ['ESDB_CONNECTION_STRING', { EVENT_STORE: 'eventstoredb' }],
    ['ESDB_CONNECTION_STRING', { ESDB_CONNECTION_STRING: 'http://localhost:2113' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['DEADLINE_SCAN_MS', { DEADLINE_SCAN_MS: '-5' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['LATE_REPORT_HOURS', { LATE_REPORT_HOURS: '0' }],
    ['SUPERVISE_MAJOR', { SUPERVISE_MAJOR: 'yes' }],
    ['TIME_ZONE', { TIME_ZONE: 'Mars/Olympus_Mons' }],
    ['CLOSURE_REQUIRED', { CLOSURE_REQUIRED: 'no' }],
    ['CLOSURE_REVIEW_DAYS', { CLOSURE_REVIEW_DAYS: '0' }],
    ['CLOSURE_REVIEW_DAYS', { CLOSURE_REVIEW_DAYS: 'ten' }],
    ['NOTICE_SIGN_DAYS', { NOTICE_SIGN_DAYS: '-3' }],
    ['SUPERVISION_DOC_PREFIX', { SUPERVISION_DOC_PREFIX: '安委办〔督〕' }],
    ['SUPERVISION_DOC_PREFIX', { SUPERVISION_DOC_PREFIX: '一二三四五六七八九十一二三四五六七八九十一' }],
    ['TIP_VERIFY_DAYS', { TIP_VERIFY_DAYS: '0' }],
    ['TIP_VERIFY_DAYS', { TIP_VERIFY_DAYS: 'thirty' }],
    ['TIP_FEEDBACK_DAYS', { TIP_FEEDBACK_DAYS: '-10' }],
    ['PII_MASTER_KEY', { PII_MASTER_KEY: 'secret' }],
    ['PII_MASTER_KEY', { PII_MASTER_KEY: 'ab'.repeat(31) }],
    ['PII_MASTER_KEY', { PII_MASTER_KEY: 'g'.repeat(64) }],
  ])('a bad %s stops start-up with a message naming it', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('defaults the statutory settings as API.md gives them, and takes days with decimals', () => {
    expect(loadConfig({})).toMatchObject({ timeZone: 'Asia/Shanghai', closureRequired: true, closureReviewDays: 10, noticeSignDays: 3, supervisionDocPrefix: '安委办督' });
    expect(loadConfig({})).toMatchObject({ catalogueFile: expect.stringMatching(/catalogue\/default\.json$/) });
    expect(loadConfig({ CLOSURE_REVIEW_DAYS: '0.5', NOTICE_SIGN_DAYS: '1.25', TIME_ZONE: 'Europe/Berlin' })).toMatchObject({ closureReviewDays: 0.5, noticeSignDays: 1.25, timeZone: 'Europe/Berlin' });
  });

  it('defaults the tip deadlines and the PII key store, and takes them from the environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ tipVerifyDays: 30, tipFeedbackDays: 10, piiKeyStore: expect.stringMatching(/\/data\/pii-keys\.sqlite$/) });
    expect(config.piiMasterKey).toBeUndefined();
    expect(loadConfig({ DATA_DIR: '/srv/ledger' }).piiKeyStore).toBe('/srv/ledger/pii-keys.sqlite');
    const key = 'C0'.repeat(32);
    expect(loadConfig({ TIP_VERIFY_DAYS: '15', TIP_FEEDBACK_DAYS: '2.5', PII_MASTER_KEY: key, PII_KEY_STORE: '/vault/keys.sqlite' }))
      .toMatchObject({ tipVerifyDays: 15, tipFeedbackDays: 2.5, piiMasterKey: key, piiKeyStore: '/vault/keys.sqlite' });
  });

  it('never repeats a bad PII_MASTER_KEY in its message', () => {
    expect(() => loadConfig({ PII_MASTER_KEY: 'hunter2-is-my-key' })).toThrow(/PII_MASTER_KEY must be exactly 64 hexadecimal characters \(a 256-bit key\), got 17 characters$/);
  });

  it('accepts a PostgreSQL selection, never repeats its URL (a password) in a message, and ignores DATABASE_URL otherwise', () => {
    const url = 'postgresql://ledger:s3cret@db.internal:5432/ledger';
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: url })).toMatchObject({ eventStore: 'postgres', databaseUrl: url });
    expect(() => loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'https://ledger:s3cret@db.internal/ledger' })).toThrow(/^(?!.*s3cret).*DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'mysql://elsewhere/app' }).databaseUrl).toBeUndefined();
  });

  it('accepts a valid EventStoreDB selection', () => {
    const config = loadConfig({ EVENT_STORE: 'eventstoredb', ESDB_CONNECTION_STRING: 'esdb://node1:2113?tls=false' });
    expect(config).toMatchObject({ eventStore: 'eventstoredb', esdbConnectionString: 'esdb://node1:2113?tls=false' });
  });
});
