import { Command } from 'commander';
import { ConfigError } from '../../api/src/config/app-config';
import { tokenCommand } from './token.command';

/** Operator and reviewer commands: `npm run cli -- <verb>` (token also as `npm run token -- …`). */
async function main(): Promise<void> {
  const program = new Command('hazard-ledger').description('hazard rectification ledger: operator and reviewer tools');
  program.addCommand(tokenCommand());
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
