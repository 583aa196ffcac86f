import { Catalogue, CatalogueInvalidError, parseCatalogue } from '@hazard/domain';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config-error';

/**
 * The reference catalogue in `file` (CATALOGUE_FILE), versioned by the sha256 of its bytes. A missing or
 * unreadable file, bad JSON or an invalid entry stops start-up with a ConfigError naming CATALOGUE_FILE, the
 * file and the entry.
 */
export function loadCatalogue(file: string): Catalogue {
  const bytes = readBytes(file);
  const raw = parseJson(file, bytes);
  try {
    return parseCatalogue(raw, createHash('sha256').update(bytes).digest('hex'));
  } catch (error) {
    if (error instanceof CatalogueInvalidError) throw new ConfigError('CATALOGUE_FILE', `${file}: ${error.message}`);
    throw error;
  }
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError('CATALOGUE_FILE', `${file}: cannot be read (${code ?? message})`);
  }
}

function parseJson(file: string, bytes: Buffer): unknown {
  try {
    // An editor's byte-order mark is not content; it still counts in the version, which is the bytes'.
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError('CATALOGUE_FILE', `${file}: is not valid JSON (${(error as Error).message})`);
  }
}
