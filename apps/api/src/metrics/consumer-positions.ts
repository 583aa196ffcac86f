import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Database } from 'better-sqlite3';
import { consumerPositions, EventStore } from '@hazard/event-store';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { PROCESSES_DB } from '../processes/processes-db';
import { Metrics } from './metrics';

/**
 * Where every checkpointed consumer stands against the head of the global log, read when /metrics is scraped:
 * the `checkpoints` tables of read-models.sqlite (the projector) and processes.sqlite (deadline table, relay,
 * outbox, shredder) hold one row per consumer, so a new consumer shows up without being registered here; a
 * consumer running in this process counts its deferred checkpoint (batches that changed nothing) too.
 * The two databases belong to their modules; they are looked up, not imported, so metrics depend on no module.
 */
@Injectable()
export class ConsumerPositions implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly modules: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('hazard_event_store_head_position', 'Global position of the last event in the log', [], async (gauge) => {
      const head = await this.head();
      if (head !== undefined) gauge.set(head);
    });
    this.metrics.gauge('hazard_consumer_position', 'Global position each consumer has applied up to (its checkpoint)', ['consumer'], (gauge) => {
      for (const [consumer, position] of this.checkpoints()) gauge.set({ consumer }, position);
    });
    this.metrics.gauge('hazard_consumer_lag', 'Positions between the head of the log and each consumer’s checkpoint', ['consumer'], async (gauge) => {
      const head = await this.head();
      if (head === undefined) return;
      for (const [consumer, position] of this.checkpoints()) gauge.set({ consumer }, Math.max(0, head - position));
    });
  }

  /** Consumer name → checkpoint, from every database that is open. */
  checkpoints(): Map<string, number> {
    const positions = new Map<string, number>();
    for (const token of [READ_MODELS_DB, PROCESSES_DB]) {
      const db = this.database(token);
      if (!db?.open) continue;
      try {
        for (const [name, position] of consumerPositions(db)) positions.set(name, position);
      } catch {
        // No consumer has written a checkpoint yet (no table), or the database is busy: nothing to report now.
      }
    }
    return positions;
  }

  private async head(): Promise<number | undefined> {
    try {
      return await this.store.headPosition();
    } catch {
      return undefined; // the store is down: /health says so; the scrape still answers
    }
  }

  private database(token: symbol): Database | undefined {
    try {
      return this.modules.get<Database>(token, { strict: false });
    } catch {
      return undefined;
    }
  }
}
