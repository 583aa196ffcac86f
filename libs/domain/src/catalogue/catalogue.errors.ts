import { DomainError } from '../hazard/hazard.errors';

/**
 * The catalogue file itself is wrong (a duplicate code, an unknown parent or sector, a dangling `supersedes`, a
 * malformed entry). Start-up stops on it; every problem names its entry, as `regions[3] (330102): …`.
 */
export class CatalogueInvalidError extends Error {
  override readonly name = 'CatalogueInvalidError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

export type CatalogueCode =
  | 'CATALOGUE.UNKNOWN_SECTOR'
  | 'CATALOGUE.UNKNOWN_BASIS'
  | 'CATALOGUE.BASIS_SECTOR_MISMATCH'
  | 'CATALOGUE.BASIS_NOT_IN_FORCE';

/** A command names a sector or 判定依据 the catalogue refuses (HTTP 400); the message names the code. */
export class CatalogueError extends DomainError {
  constructor(
    readonly code: CatalogueCode,
    message: string,
    override readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function unknownSector(sector: string): CatalogueError {
  return new CatalogueError('CATALOGUE.UNKNOWN_SECTOR', `sector ${sector} is not in the catalogue`, { sector });
}
