import type { Database } from 'better-sqlite3';
import { HazardFacts } from '../statistics/cycle-facts';
import { HazardRow } from '../hazards/hazard-read-model';
import { loadHazardFacts, writeHazardFacts } from '../reports/statistics-facts.store';
import { loadHazardRow, writeHazardRow } from './read-model-store';
import { ReadModelTables } from './read-model-schema';

interface Held {
  row?: HazardRow;
  facts?: HazardFacts;
  rowLoaded: boolean;
  factsLoaded: boolean;
  rowChanged: boolean;
  factsChanged: boolean;
}

/**
 * The hazard rows and statistics facts a batch touches, folded in memory: each is read at most once, every
 * event of the batch is applied to it, and it is written once. The rows written are the ones an
 * event-by-event fold would leave, because each event still starts from the row the previous one produced;
 * only the round trips through SQLite and JSON in between are gone. Nothing else in a batch reads these two
 * tables, so deferring their writes changes no other row.
 *
 * `keep` > 0 holds up to that many hazards across batches too, least recently used written out first — for a
 * rebuild only, whose tables nobody else reads or writes until its swap (the live tables may be swapped under
 * the projector, so it starts every batch from what the tables hold). Bounded, so memory does not grow with
 * the log.
 */
export class HazardPage {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly db: Database,
    private readonly tables: ReadModelTables,
    private readonly keep = 0,
  ) {}

  row(hazardId: string): HazardRow | undefined {
    const held = this.touch(hazardId);
    if (!held.rowLoaded) {
      held.row = loadHazardRow(this.db, this.tables, hazardId);
      held.rowLoaded = true;
    }
    return held.row;
  }

  setRow(row: HazardRow): void {
    const held = this.touch(row.hazardId);
    Object.assign(held, { row, rowLoaded: true, rowChanged: true });
  }

  factsOf(hazardId: string): HazardFacts | undefined {
    const held = this.touch(hazardId);
    if (!held.factsLoaded) {
      held.facts = loadHazardFacts(this.db, this.tables, hazardId);
      held.factsLoaded = true;
    }
    return held.facts;
  }

  setFacts(facts: HazardFacts): void {
    const held = this.touch(facts.hazardId);
    Object.assign(held, { facts, factsLoaded: true, factsChanged: true });
  }

  /** At the end of a batch, inside its transaction: writes what is not kept (everything, when keep is 0). */
  endBatch(): void {
    for (const [hazardId, held] of this.held) {
      if (this.held.size <= this.keep) break;
      this.write(held);
      this.held.delete(hazardId);
    }
  }

  /** Writes every change still held (a rebuild, before its swap); keeps the hazards for further batches. */
  writeAll(): void {
    for (const held of this.held.values()) this.write(held);
  }

  private write(held: Held): void {
    if (held.rowChanged) writeHazardRow(this.db, this.tables, held.row!);
    if (held.factsChanged) writeHazardFacts(this.db, this.tables, held.facts!);
    held.rowChanged = false;
    held.factsChanged = false;
  }

  /** The hazard's entry, moved to the most recently used end. */
  private touch(hazardId: string): Held {
    const held = this.held.get(hazardId) ?? { rowLoaded: false, factsLoaded: false, rowChanged: false, factsChanged: false };
    this.held.delete(hazardId);
    this.held.set(hazardId, held);
    return held;
  }
}
