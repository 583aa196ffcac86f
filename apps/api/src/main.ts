import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '@hazard/platform';
import { createApp } from './app.factory';
import { RETRY_AFTER_SECONDS } from './edge/errors/error-response';
import { stopOnSignals } from './http-server/graceful-shutdown';
import { HttpDrain } from './http-server/http-drain';
import { startRequestsInTurns } from './http-server/request-turns';
import { installProcessGuards } from './process-guards';

/** A bad setting or reference file stops start-up with one line naming it, and exit status 2. */
async function main(): Promise<void> {
  try {
    const config = loadConfig(process.env);
    const app = await createApp(config);
    startRequestsInTurns(app.getHttpServer());
    const drain = HttpDrain.attach(app.getHttpServer(), RETRY_AFTER_SECONDS);
    stopOnSignals(app, drain, config.runtime.shutdownGraceMs, new Logger('Shutdown'));
    await app.listen(config.port, config.host);
    const { port } = app.getHttpServer().address() as AddressInfo; // PORT=0 picks a free one
    new Logger('Main').log(`listening on http://${config.host}:${port} (docs at /docs, data in ${config.dataDir})`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

installProcessGuards();
void main();
