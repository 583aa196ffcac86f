import { Catalogue, regionName, sectorName } from '@hazard/domain';

/** The zh-CN names a column may show beside its row's codes, from the reference catalogue. */
export interface CodeNames {
  /** gas → 燃气; a code the catalogue lacks as it is. */
  sector(code: string): string;
  /** 330102 → 上城区, 33010201 → 上城区（33010201）, else the code (`regionName`). */
  region(code: string): string;
}

/**
 * The catalogue's names for one export, each code looked up once: a list may hold tens of thousands of rows
 * and a catalogue thousands of regions, while the rows use only a few distinct codes.
 */
export function codeNamesOf(catalogue: Catalogue): CodeNames {
  return {
    sector: remembered((code) => sectorName(catalogue, code)),
    region: remembered((code) => regionName(catalogue, code)),
  };
}

function remembered(name: (code: string) => string): (code: string) => string {
  const names = new Map<string, string>();
  return (code) => {
    let known = names.get(code);
    if (known === undefined) {
      known = name(code);
      names.set(code, known);
    }
    return known;
  };
}
