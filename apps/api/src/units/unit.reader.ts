import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import {
  Actor, canReadUnit, ConcealmentSignal, evolveUnit, ForbiddenError, foldStored, initialUnitState, RegisteredUnit, readScopeOf, reportReadScope, unitDecoder, unitListRegions, UnitNotFoundError, UnitState,
} from '@hazard/domain';
import { EventStore, StreamNotFoundError, StreamReadCache, StreamSnapshot } from '@hazard/event-store';
import { contradictingFindingsOf, FindingScope, listUnitRows, selfCheckPeriod, selfReportingFigures, SelfReportingFigures, UnitListFilter, unitConcealmentSignals, UnitView, unitViewOf } from '@hazard/projections';
import { AppConfig } from '@hazard/platform';
import { READ_MODELS_DB } from '../dashboard/read-models/read-models.provider';
import { ReadYourWrites } from '../dashboard/read-models/read-your-writes';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

export interface UnitPage {
  readonly items: UnitView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly position: number;
}

/**
 * Reads of the registry (API.md "Units", "Read scope"): a unit from its stream, lists and figures from the
 * read models, 瞒报 signals from the findings the reader may read. A rectifier reads its own unit only (others
 * 404), lists nothing (403), and sees no signals: they rest on the findings' source, which it never sees.
 */
@Injectable()
export class UnitReader {
  // A unit's stream grows by a report a period for years: fold only what came since the last read.
  private readonly units: StreamReadCache<UnitState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS_DB) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readYourWrites: ReadYourWrites,
  ) {
    this.units = new StreamReadCache(store, (from, events) => foldStored(unitDecoder, evolveUnit, from, events), initialUnitState);
  }

  /** The unit as its stream folds it, and its revision (the ETag for If-Match). */
  async view(creditCode: string, actor: Actor, minPosition?: number): Promise<{ view: UnitView; revision: number }> {
    const { state: unit, revision } = await this.stored(creditCode);
    if (!unit.exists || !canReadUnit(actor, unit)) throw new UnitNotFoundError(creditCode);
    await this.readYourWrites.atLeast(minPosition);
    return { view: unitViewOf(unit, this.signalsOf([unit], actor).get(creditCode) ?? []), revision };
  }

  async list(filter: UnitListFilter, actor: Actor, paging: { page: number; pageSize: number }, minPosition?: number): Promise<UnitPage> {
    const regions = this.listRegions(actor, 'GET /units');
    await this.readYourWrites.atLeast(minPosition);
    const { units, total, position } = listUnitRows(this.db, filter, regions, paging);
    const signals = this.signalsOf(units, actor);
    return { items: units.map((u) => unitViewOf(u, signals.get(u.creditCode) ?? [])), total, page: paging.page, pageSize: paging.pageSize, position };
  }

  async selfReporting(query: { period: string; regionCode?: string }, actor: Actor, minPosition?: number): Promise<SelfReportingFigures> {
    const regions = this.listRegions(actor, 'GET /dashboard/self-reporting');
    await this.readYourWrites.atLeast(minPosition);
    const findings = findingScopeOf(actor) ?? { sectors: [], regions: [] };
    const period = selfCheckPeriod(query.period, this.config.timeZone);
    return selfReportingFigures(this.db, { period, regionCode: query.regionCode, regions, findings, reportingTypes: this.config.unitReportingTypes });
  }

  private listRegions(actor: Actor, route: string): readonly string[] | null {
    const regions = unitListRegions(actor);
    if (regions === undefined) throw new ForbiddenError(`${route} needs one of the roles inspector, supervisor, tip-officer, reviewer, admin`);
    return regions;
  }

  private signalsOf(units: readonly RegisteredUnit[], actor: Actor): Map<string, ConcealmentSignal[]> {
    const scope = findingScopeOf(actor);
    const signals = new Map<string, ConcealmentSignal[]>();
    if (!scope || units.length === 0) return signals;
    const findings = contradictingFindingsOf(this.db, units.map((u) => u.creditCode), scope);
    const rules = { reportingTypes: this.config.unitReportingTypes, timeZone: this.config.timeZone };
    for (const unit of units) signals.set(unit.creditCode, unitConcealmentSignals(unit, findings.get(unit.creditCode) ?? [], rules));
    return signals;
  }

  private async stored(creditCode: string): Promise<StreamSnapshot<UnitState>> {
    try {
      return await this.units.read(unitDecoder.streamIdFor(creditCode));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new UnitNotFoundError(creditCode);
      throw error;
    }
  }
}

/** The hazards whose findings may raise a signal for this reader; undefined for a rectifier (it never sees sources). */
function findingScopeOf(actor: Actor): FindingScope | undefined {
  return readScopeOf(actor).hidesSource ? undefined : reportReadScope(actor);
}
