import { Command } from 'commander';
import { loadCatalogue, loadConfig } from '@hazard/platform';
import { processIo } from './cli-io';
import { digestCommand } from './digest.command';
import { openStore } from './open-store';
import { rebuildCommand } from './rebuild.command';
import { replayCommand } from './replay.command';
import { demoCommand } from './seed/demo.command';
import { seedCommand } from './seed/seed.command';
import { tokenCommand } from './token.command';
import { verifyCommand } from './verify.command';

/** Operator and reviewer commands: `npm run cli -- <verb>` (token also as `npm run token -- …`). */
async function main(): Promise<void> {
  const exit = (code: number) => {
    process.exitCode = code;
  };
  const program = new Command('hazard-ledger').description('hazard rectification ledger: operator and reviewer tools');
  program.addCommand(tokenCommand());
  program.addCommand(verifyCommand(() => openStore(), processIo, exit));
  program.addCommand(digestCommand(() => openStore(), processIo, exit));
  program.addCommand(replayCommand(() => openStore(), () => loadCatalogue(loadConfig(process.env).catalogueFile), processIo, exit));
  program.addCommand(rebuildCommand(() => openStore(), processIo, exit));
  program.addCommand(seedCommand(processIo, exit));
  program.addCommand(demoCommand(processIo, exit));
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
