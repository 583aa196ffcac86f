import type { Database } from 'better-sqlite3';
import { HazardFacts } from '../statistics/cycle-facts';
import { HazardRow } from '../hazards/hazard-read-model';
import { loadHazardFacts, writeHazardFacts } from '../reports/statistics-facts.store';
import { CycleChange, loadHazardRow, mergeCycle, writeHazardRow } from './read-model-store';
import { ReadModelTables } from './read-model-schema';

interface Held {
  row?: HazardRow;
  facts?: HazardFacts;
  rowLoaded: boolean;
  factsLoaded: boolean;
  rowChanged: boolean;
  factsChanged: boolean;
  /** Cycle rows not in the tables yet, by occurrence: the columns set so far (holdCycle). */
  cycles?: Map<number, { unitId: string; set: Record<string, unknown> }>;
}

/**
 * The hazard rows and statistics facts a batch touches (and, in fresh tables, new cycle rows), folded in
 * memory: each is read at most once, every event of the batch is applied to it, and it is written once. The
 * rows written are the ones an event-by-event fold would leave, because each event still starts from the row
 * the previous one produced; only the round trips through SQLite and JSON in between are gone. Nothing else
 * in a batch reads these tables, so deferring their writes changes no other row.
 *
 * `keep` > 0 holds up to that many hazards across batches too, least recently used written out first — for a
 * rebuild only, whose tables nobody else reads or writes until its swap (the live tables may be swapped under
 * the projector, so it starts every batch from what the tables hold). Bounded, so memory does not grow with
 * the log.
 */
export class HazardPage {
  private readonly held = new Map<string, Held>();
  /** With `fresh`: every hazard this page ever wrote — any other has no row and no facts yet. */
  private readonly written: Set<string> | undefined;
  /** The entry touched last: an event touches its hazard four times, and moving it to the end once is enough. */
  private last: { hazardId: string; held: Held } | undefined;

  /**
   * `fresh`: the tables started empty and only this page writes them (a rebuild's shadow tables), so a
   * hazard it never wrote needs no lookup — most of a rebuild's hazards are new when first met.
   */
  constructor(
    private readonly db: Database,
    private readonly tables: ReadModelTables,
    private readonly keep = 0,
    fresh = false,
  ) {
    this.written = fresh ? new Set() : undefined;
  }

  row(hazardId: string): HazardRow | undefined {
    const held = this.touch(hazardId);
    if (!held.rowLoaded) {
      held.row = this.stored(hazardId) ? loadHazardRow(this.db, this.tables, hazardId) : undefined;
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
      held.facts = this.stored(hazardId) ? loadHazardFacts(this.db, this.tables, hazardId) : undefined;
      held.factsLoaded = true;
    }
    return held.facts;
  }

  setFacts(facts: HazardFacts): void {
    const held = this.touch(facts.hazardId);
    Object.assign(held, { facts, factsLoaded: true, factsChanged: true });
  }

  /**
   * Merges a cycle change in memory when the tables cannot hold the cycle yet (`fresh`, the hazard never
   * written): its row is then inserted once, with every column its events set, instead of one upsert per event.
   * False: the caller writes the change now.
   */
  holdCycle(change: CycleChange): boolean {
    if (this.written === undefined || this.written.has(change.hazardId)) return false;
    const held = this.touch(change.hazardId);
    const cycles = (held.cycles ??= new Map());
    let cycle = cycles.get(change.occurrence);
    if (!cycle) cycles.set(change.occurrence, (cycle = { unitId: change.unitId, set: {} }));
    // As the upserts would: the first event's unit, each column as the latest event that set it left it.
    for (const [field, value] of Object.entries(change.set)) if (value !== undefined) cycle.set[field] = value;
    return true;
  }

  /** At the end of a batch, inside its transaction: writes what is not kept (everything, when keep is 0). */
  endBatch(): void {
    for (const [hazardId, held] of this.held) {
      if (this.held.size <= this.keep) break;
      this.write(hazardId, held);
      this.held.delete(hazardId);
    }
    this.last = undefined;
  }

  /** Writes every change still held (a rebuild, before its swap); keeps the hazards for further batches. */
  writeAll(): void {
    for (const [hazardId, held] of this.held) this.write(hazardId, held);
  }

  private write(hazardId: string, held: Held): void {
    if (held.rowChanged) writeHazardRow(this.db, this.tables, held.row!);
    if (held.factsChanged) writeHazardFacts(this.db, this.tables, held.facts!);
    if (held.cycles) for (const [occurrence, cycle] of held.cycles) mergeCycle(this.db, this.tables, hazardId, occurrence, cycle.unitId, cycle.set);
    if (held.rowChanged || held.factsChanged || held.cycles) this.written?.add(hazardId);
    held.rowChanged = false;
    held.factsChanged = false;
    held.cycles = undefined;
  }

  /** Whether the tables may hold the hazard's row or facts. */
  private stored(hazardId: string): boolean {
    return this.written === undefined || this.written.has(hazardId);
  }

  /** The hazard's entry, moved to the most recently used end. */
  private touch(hazardId: string): Held {
    if (this.last?.hazardId === hazardId) return this.last.held;
    const held = this.held.get(hazardId) ?? { rowLoaded: false, factsLoaded: false, rowChanged: false, factsChanged: false };
    this.held.delete(hazardId);
    this.held.set(hazardId, held);
    this.last = { hazardId, held };
    return held;
  }
}
