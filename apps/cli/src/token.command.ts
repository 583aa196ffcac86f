import { Command, InvalidArgumentError } from 'commander';
import { ROLES } from '@hazard/domain';
import { durationSeconds, existingJwtSecret, loadConfig, parseClaims, signToken } from '@hazard/platform';

const list = (value: string): string[] => value.split(',').map((v) => v.trim()).filter(Boolean);

/** `token`: mints a bearer token with the server's secret (JWT_SECRET or the one kept in DATA_DIR), never a new one. */
export function tokenCommand(): Command {
  return new Command('token')
    .description('mint an HS256 bearer token for the API')
    .requiredOption('--user <id>', 'user id (sub)')
    .requiredOption('--dept <id>', 'department id, e.g. dept-gas')
    .requiredOption('--roles <list>', `comma-separated roles: ${ROLES.join(', ')}`, list)
    .option('--sectors <list>', 'comma-separated sectors, * for all', list, [] as string[])
    .option('--regions <list>', 'comma-separated region-code prefixes, * for all', list, [] as string[])
    .option('--unit <id>', 'the unit a rectifier speaks for')
    .option('--authority <level>', 'the government level acted for: county, city or province (needed to close 挂牌督办 hazards)')
    .option('--expires <span>', 'lifetime, e.g. 8h or 30d, at most MAX_TOKEN_TTL', '8h')
    .action(async (options: { user: string; dept: string; roles: string[]; sectors: string[]; regions: string[]; unit?: string; authority?: string; expires: string }) => {
      const payload = {
        sub: options.user,
        dept: options.dept,
        roles: options.roles,
        sectors: options.sectors,
        regions: options.regions,
        ...(options.unit ? { unitId: options.unit } : {}),
        ...(options.authority ? { authority: options.authority } : {}),
      };
      const claims = parseClaims(payload);
      if (typeof claims === 'string') throw new InvalidArgumentError(claims);
      const config = loadConfig(process.env);
      const { maxTokenTtlSeconds, jwtIssuer, jwtAudience } = config.security;
      const lifetime = durationSeconds(options.expires);
      if (lifetime === undefined) throw new InvalidArgumentError(`--expires must be a lifetime such as 8h or 30d, got '${options.expires}'`);
      if (lifetime > maxTokenTtlSeconds) throw new InvalidArgumentError(`--expires ${options.expires} is longer than MAX_TOKEN_TTL (${maxTokenTtlSeconds} s): the server would refuse the token`);
      const found = existingJwtSecret(config.dataDir, config.jwtSecret);
      if (!found) {
        throw new Error(
          `no secret to sign with: JWT_SECRET is unset and DATA_DIR ${config.dataDir} holds no jwt-secret. ` +
            "Set DATA_DIR to the server's data directory or JWT_SECRET to the server's secret; a token signed with an invented secret would be refused by the server.",
        );
      }
      // stderr: `$(npm run -s token …)` captures the token alone, the person sees which server it is good for.
      const source = found.from === 'file' ? `the secret in ${found.file}` : 'JWT_SECRET';
      process.stderr.write(`token signed with ${source} (DATA_DIR ${config.dataDir})\n`);
      process.stdout.write(`${signToken(claims, found.secret, lifetime, { issuer: jwtIssuer, audience: jwtAudience })}\n`);
    });
}
