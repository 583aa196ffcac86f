import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { AppConfig, loadCatalogue, loadConfig, openEventStore, resolveJwtSecret, signToken } from '@hazard/platform';
import { CliIo } from '../cli-io';
import { cityOf } from './city';
import { runSeed } from './seed.command';

export const DEMO_HAZARDS = 300;
const DEMO_TOKEN_SECONDS = 12 * 3600;

/**
 * `demo`: a small realistic city seeded into DATA_DIR (./data-demo unless set) up to now, a reviewer token
 * minted with the secret the server will read there (written into DATA_DIR if neither it nor JWT_SECRET
 * exists yet, as the server itself would), and how to open the console and dashboard with it. Run again, it
 * reuses the city already there and mints a fresh token.
 */
export async function runDemo(config: AppConfig, io: CliIo, hazards = DEMO_HAZARDS): Promise<string> {
  const store = openEventStore(config);
  try {
    if ((await store.headPosition()) > 0) io.out(`${config.dataDir} already holds a ledger: reusing it (delete the directory for a new city)\n`);
    else await runSeed(store, config, io, { hazards, seed: 1, until: new Date(), concurrency: 32, longHistories: 2, rebuild: true });
  } finally {
    await store.close();
  }
  const secret = resolveJwtSecret(config.dataDir, config.jwtSecret);
  const lifetime = Math.min(DEMO_TOKEN_SECONDS, config.security.maxTokenTtlSeconds);
  const city = cityOf(loadCatalogue(config.catalogueFile));
  const reviewer = city.reviewer;
  const token = signToken(
    { sub: reviewer.userId, dept: reviewer.departmentId, roles: reviewer.roles, sectors: reviewer.sectors ?? ['*'], regions: reviewer.regions ?? ['*'] },
    secret,
    lifetime,
    { issuer: config.security.jwtIssuer, audience: config.security.jwtAudience },
  );
  const base = `http://${config.host}:${config.port}`;
  const secretFrom = config.jwtSecret ? 'JWT_SECRET (set it the same way for the server)' : `${join(config.dataDir, 'jwt-secret')}`;
  io.out(
    [
      '',
      `demo ledger of ${city.name} in ${config.dataDir}; reviewer token (rev-shenji, ${lifetime / 3600} h) signed with ${secretFrom}:`,
      '',
      `  start the server:  DATA_DIR=${config.dataDir} npm start`,
      `  console (隐患档案): ${base}/console?token=${token}`,
      `  dashboard:         ${base}/dashboard?token=${token}`,
      `  API:               curl -H "Authorization: Bearer $TOKEN" ${base}/api/v1/dashboard/summary`,
      '',
      `  TOKEN=${token}`,
      '',
    ].join('\n'),
  );
  return token;
}

export function demoCommand(io: CliIo, exit: (code: number) => void): Command {
  return new Command('demo')
    .description(`seed a small city (${DEMO_HAZARDS} hazards) into DATA_DIR (default ./data-demo) and print a reviewer's console and dashboard links`)
    .option('--data-dir <dir>', 'where to put it (default: $DATA_DIR, else ./data-demo)')
    .action(async (options: { dataDir?: string }) => {
      const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? './data-demo');
      await runDemo(loadConfig({ ...process.env, DATA_DIR: dataDir }), io);
      exit(0);
    });
}
