/**
 * The reference catalogue (行业, 区划, 判定依据) as the ledger reads it from CATALOGUE_FILE: plain data, so
 * GET /catalogue can send it as it is. Build one with `parseCatalogue`, which checks every cross-reference.
 */
export interface Catalogue {
  /** sha256 hex of the file's bytes: the ETag of GET /catalogue and the catalogueVersion of a filing. */
  readonly version: string;
  readonly sectors: readonly CatalogueEntry[];
  readonly regions: readonly RegionEntry[];
  readonly bases: readonly Basis[];
}

/** A code and its zh-CN name, e.g. `{ code: 'gas', name: '燃气' }`. */
export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
}

/** A 行政区划: 2–12 digits; `parent` is a proper prefix already in the catalogue, null for a root (浙江省 33). */
export interface RegionEntry extends CatalogueEntry {
  readonly parent: string | null;
}

/**
 * One clause a hazard can be judged by (判定依据), coded `<standard>:<article>[(<item>)]`: `GMT-10-2023:11(3)`
 * is 工贸企业重大事故隐患判定标准 Art. 11 item 3.
 */
export interface Basis {
  readonly code: string;
  readonly standard: string;
  /** Catalogue sector codes the clause applies to. */
  readonly sectors: readonly string[];
  readonly title: string;
  readonly text: string;
  /** The day it takes effect (YYYY-MM-DD, Beijing time). */
  readonly effectiveFrom: string;
  /** Codes of the clauses this one replaces once it is itself in force; empty when it replaces none. */
  readonly supersedes: readonly string[];
  /** Issuer and 文号, e.g. 应急管理部，应急管理部令第10号. */
  readonly source: string;
}
