import { EntryFields, isRecord, JsonObject } from './catalogue-fields';
import { CatalogueInvalidError } from './catalogue.errors';
import { Basis, Catalogue, CatalogueEntry, RegionEntry } from './catalogue.types';

const SECTOR_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REGION_CODE = /^\d{2,12}$/;
const STANDARD = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;
const ARTICLE_AND_ITEM = /^\d+(?:\(\d+\))?$/;

interface Located<T extends { code: string }> {
  readonly entry: T;
  readonly fields: EntryFields;
}

/**
 * The catalogue in `raw` (the parsed JSON of CATALOGUE_FILE), checked whole: shapes, duplicate codes, each
 * region's parent (in the catalogue and a proper prefix), each basis's sectors and `supersedes`. Every
 * problem found is reported at once in a CatalogueInvalidError, each naming its entry.
 */
export function parseCatalogue(raw: unknown, version: string): Catalogue {
  if (!isRecord(raw)) throw new CatalogueInvalidError(['the catalogue must be a JSON object {sectors, regions, bases}']);
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!['sectors', 'regions', 'bases'].includes(key)) problems.push(`catalogue: unknown field ${key}`);
  }
  const sectors = readList(raw, 'sectors', problems, readSector);
  const regions = readList(raw, 'regions', problems, readRegion);
  const bases = readList(raw, 'bases', problems, readBasis);
  checkRegions(regions);
  checkBases(bases, new Set(sectors.map(({ entry }) => entry.code)));
  if (problems.length > 0) throw new CatalogueInvalidError(problems);
  return { version, sectors: entries(sectors), regions: entries(regions), bases: entries(bases) };
}

function readList<T extends { code: string }>(
  raw: JsonObject,
  list: string,
  problems: string[],
  read: (record: JsonObject, where: string, problems: string[]) => Located<T> | undefined,
): readonly Located<T>[] {
  const items = raw[list];
  if (!Array.isArray(items)) {
    problems.push(`${list} must be an array`);
    return [];
  }
  const located: Located<T>[] = [];
  items.forEach((item: unknown, index) => {
    const where = `${list}[${index}]`;
    if (!isRecord(item)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const entry = read(item, where, problems);
    if (entry) located.push(entry);
  });
  rejectDuplicates(located);
  return located;
}

function readSector(record: JsonObject, where: string, problems: string[]): Located<CatalogueEntry> | undefined {
  const fields = new EntryFields(record, where, ['code', 'name'], problems);
  const code = fields.text('code', SECTOR_CODE, 'lowercase letters, digits and hyphens');
  const name = fields.text('name');
  return code !== undefined && name !== undefined ? { entry: { code, name }, fields } : undefined;
}

function readRegion(record: JsonObject, where: string, problems: string[]): Located<RegionEntry> | undefined {
  const fields = new EntryFields(record, where, ['code', 'name', 'parent'], problems);
  const code = fields.text('code', REGION_CODE, '2 to 12 digits');
  const name = fields.text('name');
  const parent = fields.textOrNull('parent', REGION_CODE, 'a region code or null');
  return code !== undefined && name !== undefined && parent !== undefined ? { entry: { code, name, parent }, fields } : undefined;
}

function readBasis(record: JsonObject, where: string, problems: string[]): Located<Basis> | undefined {
  const fields = new EntryFields(record, where, ['code', 'standard', 'sectors', 'title', 'text', 'effectiveFrom', 'supersedes', 'source'], problems);
  const standard = fields.text('standard', STANDARD, 'upper-case letters, digits and hyphens, e.g. GMT-10-2023');
  const code = fields.text('code');
  if (code !== undefined && standard !== undefined && !isCodeOf(code, standard)) {
    fields.problem(`code must be ${standard}:<article>[(<item>)], e.g. ${standard}:4(1)`);
  }
  const sectors = fields.texts('sectors', { nonEmpty: true });
  const title = fields.text('title');
  const text = fields.text('text');
  const effectiveFrom = fields.day('effectiveFrom');
  const supersedes = fields.texts('supersedes', { optional: true });
  const source = fields.text('source');
  if (code === undefined || standard === undefined || !isCodeOf(code, standard)) return undefined;
  if (sectors === undefined || title === undefined || text === undefined) return undefined;
  if (effectiveFrom === undefined || supersedes === undefined || source === undefined) return undefined;
  return { entry: { code, standard, sectors, title, text, effectiveFrom, supersedes, source }, fields };
}

function isCodeOf(code: string, standard: string): boolean {
  return code.startsWith(`${standard}:`) && ARTICLE_AND_ITEM.test(code.slice(standard.length + 1));
}

function rejectDuplicates<T extends { code: string }>(located: readonly Located<T>[]): void {
  const first = new Map<string, Located<T>>();
  for (const item of located) {
    const earlier = first.get(item.entry.code);
    if (earlier) item.fields.problem(`duplicate code, also ${earlier.fields.label}`);
    else first.set(item.entry.code, item);
  }
}

function checkRegions(regions: readonly Located<RegionEntry>[]): void {
  const codes = new Set(regions.map(({ entry }) => entry.code));
  for (const { entry, fields } of regions) {
    const { code, parent } = entry;
    if (parent === null) continue;
    if (!codes.has(parent)) fields.problem(`parent ${parent} is not in the catalogue`);
    else if (!(code.startsWith(parent) && parent.length < code.length)) fields.problem(`parent ${parent} is not a proper prefix of ${code}`);
  }
}

function checkBases(bases: readonly Located<Basis>[], sectorCodes: ReadonlySet<string>): void {
  const byCode = new Map(bases.map(({ entry }) => [entry.code, entry]));
  for (const { entry, fields } of bases) {
    for (const sector of entry.sectors) {
      if (!sectorCodes.has(sector)) fields.problem(`sector ${sector} is not in the catalogue`);
    }
    for (const replaced of entry.supersedes) {
      if (replaced === entry.code) fields.problem('supersedes itself');
      else if (!byCode.has(replaced)) fields.problem(`supersedes ${replaced}, which is not in the catalogue`);
    }
    if (!entry.supersedes.includes(entry.code) && supersedesItself(entry, byCode)) fields.problem('is part of a supersedes cycle');
  }
}

/** Whether following `supersedes` from `basis` comes back to it (which would make "in force" undecidable). */
function supersedesItself(basis: Basis, byCode: ReadonlyMap<string, Basis>): boolean {
  const seen = new Set<string>();
  const queue = [...basis.supersedes];
  for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
    if (code === basis.code) return true;
    if (seen.has(code)) continue;
    seen.add(code);
    queue.push(...(byCode.get(code)?.supersedes ?? []));
  }
  return false;
}

function entries<T extends { code: string }>(located: readonly Located<T>[]): readonly T[] {
  return located.map(({ entry }) => entry);
}
