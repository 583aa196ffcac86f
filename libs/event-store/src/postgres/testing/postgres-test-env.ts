import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const SKIP_HINT =
  'PG_TEST_URL is not set: run the PostgreSQL tests under a throw-away server with ' +
  "`bash scripts/with-postgres.sh npx jest <file>` (npm test does), or set SKIP_POSTGRES=1 to skip them explicitly";

/**
 * A suite that needs a real PostgreSQL, enabled by PG_TEST_URL and saying so in its name. Without the
 * variable it does not pass silently: it fails with a hint, unless SKIP_POSTGRES=1 asks for a visible skip.
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = process.env['PG_TEST_URL'];
  const title = `${name} (needs PG_TEST_URL)`;
  if (url) describe(title, () => body(url));
  // The suite's own tests, listed as skipped with the reason, not a placeholder standing in for them: their
  // hooks never run, so the URL they would connect to is never used.
  else if (process.env['SKIP_POSTGRES'] === '1') describe.skip(`${title}: skipped because SKIP_POSTGRES=1`, () => body(''));
  else describe(title, () => it('runs against PostgreSQL', () => { throw new Error(SKIP_HINT); }));
}

export interface TestSchema {
  /** PG_TEST_URL with its search_path set to the new schema: every connection made with it sees only that schema. */
  readonly url: string;
  readonly name: string;
  readonly drop: () => Promise<void>;
}

/** A fresh, empty schema in PG_TEST_URL's database, so tests (and jest's parallel workers) never see each other. */
export async function createTestSchema(baseUrl: string): Promise<TestSchema> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    name,
    drop: () => withClient(baseUrl, (client) => client.query(`DROP SCHEMA ${name} CASCADE`)).then(() => undefined),
  };
}

export async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
