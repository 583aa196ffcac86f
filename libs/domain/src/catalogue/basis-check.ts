import { CatalogueError } from './catalogue.errors';
import { Basis, Catalogue } from './catalogue.types';

/**
 * The basis a hazard is judged by, if the catalogue has it, it lists the hazard's sector and it is in force
 * at `at` (discoveredAt on a report, now on a reclassification); otherwise a CatalogueError naming the code.
 */
export function checkBasis(catalogue: Catalogue, basisCode: string, sector: string, at: string): Basis {
  const basis = catalogue.bases.find((candidate) => candidate.code === basisCode);
  if (!basis) {
    throw new CatalogueError('CATALOGUE.UNKNOWN_BASIS', `basis ${basisCode} is not in the catalogue`, { basisCode });
  }
  if (!basis.sectors.includes(sector)) {
    throw new CatalogueError(
      'CATALOGUE.BASIS_SECTOR_MISMATCH',
      `basis ${basisCode} does not apply to sector ${sector} (it applies to ${basis.sectors.join(', ')})`,
      { basisCode, sector, sectors: basis.sectors },
    );
  }
  const why = whyNotInForce(catalogue, basis, instantOf(at));
  if (why) {
    throw new CatalogueError('CATALOGUE.BASIS_NOT_IN_FORCE', `basis ${basisCode} is not in force at ${at}: ${why}`, { basisCode, at });
  }
  return basis;
}

/**
 * In force at `at`: effective by then, and not superseded by an entry itself in force then. A replacement that
 * is itself replaced no longer counts, so a clause that ends a chain lists every clause it ends (C supersedes
 * [B, A]); otherwise A, replaced only by B, would hold again once C replaces B.
 */
export function isBasisInForce(catalogue: Catalogue, basis: Basis, at: string): boolean {
  return whyNotInForce(catalogue, basis, instantOf(at)) === undefined;
}

/** Terminates because parseCatalogue refuses supersedes cycles. */
function whyNotInForce(catalogue: Catalogue, basis: Basis, at: number): string | undefined {
  if (at < startOfDay(basis.effectiveFrom)) return `it takes effect on ${basis.effectiveFrom}`;
  const successor = catalogue.bases.find((other) => other.supersedes.includes(basis.code) && whyNotInForce(catalogue, other, at) === undefined);
  return successor ? `superseded by ${successor.code} from ${successor.effectiveFrom}` : undefined;
}

/**
 * A clause takes effect at midnight Beijing time (UTC+8 all year, no daylight saving), the clock its issuer
 * dates by, whatever offset `at` is written in: 2023-05-14T16:00:00Z is already 2023-05-15 in Hangzhou.
 */
function startOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

function instantOf(at: string): number {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) throw new RangeError(`not an ISO 8601 timestamp: '${at}'`);
  return instant;
}
