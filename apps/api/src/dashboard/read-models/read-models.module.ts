import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { ProjectionEvents } from './projection-events';
import { Projector } from './projector.service';
import { READ_MODELS_DB, readModelsDbProvider } from './read-models.provider';
import { ReadYourWrites } from './read-your-writes';

/**
 * The read side's engine: this replica's read-model database, the projector that keeps it, and its public
 * face — ProjectionEvents (position, changes$ for SSE) and ReadYourWrites (minPosition). Modules that serve
 * read-model queries or stream changes import this one.
 */
@Module({
  providers: [readModelsDbProvider, ProjectionEvents, Projector, ReadYourWrites],
  exports: [READ_MODELS_DB, ProjectionEvents, Projector, ReadYourWrites],
})
export class ReadModelsModule implements OnApplicationShutdown {
  constructor(@Inject(READ_MODELS_DB) private readonly db: Database) {}

  /** After every onModuleDestroy, so the projector has stopped writing. */
  onApplicationShutdown(): void {
    this.db.close();
  }
}
