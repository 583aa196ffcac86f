import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@hazard/platform';
import { createApp } from './app.factory';

/** A bad setting or reference file stops start-up with one line naming it, and exit status 2. */
async function main(): Promise<void> {
  try {
    const config = loadConfig(process.env);
    const app = await createApp(config);
    await app.listen(config.port, config.host);
    new Logger('Main').log(`listening on http://${config.host}:${config.port} (docs at /docs, data in ${config.dataDir})`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

void main();
