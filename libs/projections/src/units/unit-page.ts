import type { Database } from 'better-sqlite3';
import { RegisteredUnit, UnitState } from '@hazard/domain';
import { ReadModelTables } from '../sqlite/read-model-schema';
import { loadUnitState, writeUnitRow } from './unit-rows';

interface Held {
  state: RegisteredUnit;
  revision: number;
  position: number;
  changed: boolean;
}

/**
 * The registered units a batch touches, folded in memory like HazardPage's hazards: a unit's state is read
 * at most once, each of its events is folded onto the state the previous one left, and its registry row is
 * written once, with the revision and position of its last event — the row an event-by-event fold leaves.
 * Nothing else in a batch reads the registry table.
 *
 * `keep` > 0 holds up to that many units across batches (a rebuild only, as for HazardPage): a unit's
 * self-check reports come months apart, so without it each one re-read and re-wrote the whole state.
 */
export class UnitPage {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly db: Database,
    private readonly tables: ReadModelTables,
    private readonly keep = 0,
  ) {}

  state(creditCode: string): UnitState {
    const held = this.held.get(creditCode);
    if (!held) return loadUnitState(this.db, this.tables, creditCode);
    // Moved to the most recently used end.
    this.held.delete(creditCode);
    this.held.set(creditCode, held);
    return held.state;
  }

  /** Only registered states are kept: an event before the registration leaves no row, so the next one starts afresh. */
  set(creditCode: string, state: RegisteredUnit, revision: number, position: number): void {
    this.held.delete(creditCode);
    this.held.set(creditCode, { state, revision, position, changed: true });
  }

  /** At the end of a batch, inside its transaction: writes what is not kept (everything, when keep is 0). */
  endBatch(): void {
    for (const [creditCode, held] of this.held) {
      if (this.held.size <= this.keep) break;
      this.write(creditCode, held);
      this.held.delete(creditCode);
    }
  }

  /** Writes every change still held (a rebuild, before its swap); keeps the units for further batches. */
  writeAll(): void {
    for (const [creditCode, held] of this.held) this.write(creditCode, held);
  }

  private write(creditCode: string, held: Held): void {
    if (held.changed) writeUnitRow(this.db, this.tables, creditCode, held.state, held.revision, held.position);
    held.changed = false;
  }
}
