import { readCheckpoint, writeCheckpoint } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile } from '@hazard/event-store/testing';
import { join } from 'node:path';
import { LIVE_TABLES, READ_MODELS_CONSUMER, READ_MODELS_SCHEMA_VERSION } from './read-model-schema';
import { openReadModelsDb } from './read-models-db';

/** A file built with an older shape of the tables is rebuilt from position 0, not served with holes in it. */
describe('read-model schema: an old file is rebuilt', () => {
  let temp: TempStoreFile;
  let file: string;
  beforeEach(() => {
    temp = tempStoreFile('read-model-schema-');
    file = join(temp.file, '..', 'read-models.sqlite');
  });
  afterEach(() => temp.remove());

  const built = (version: number, dropUnitReads = false) => {
    const db = openReadModelsDb(file);
    db.prepare(`INSERT INTO ${LIVE_TABLES.unitReads} (unit_id, hazard_id) VALUES ('U', 'h')`).run();
    writeCheckpoint(db, READ_MODELS_CONSUMER, 7);
    if (dropUnitReads) db.exec(`DROP TABLE ${LIVE_TABLES.unitReads}`);
    db.pragma(`user_version = ${version}`);
    db.close();
  };
  const reopened = () => {
    const db = openReadModelsDb(file);
    const state = { checkpoint: readCheckpoint(db, READ_MODELS_CONSUMER), version: db.pragma('user_version', { simple: true }), unitReads: db.prepare(`SELECT COUNT(*) AS n FROM ${LIVE_TABLES.unitReads}`).get() };
    db.close();
    return state;
  };

  it('keeps a file of the current shape as it is', () => {
    built(READ_MODELS_SCHEMA_VERSION);
    expect(reopened()).toEqual({ checkpoint: 7, version: READ_MODELS_SCHEMA_VERSION, unitReads: { n: 1 } });
  });

  it('rebuilds one of an older schema version (a changed column or key), and marks it current', () => {
    built(READ_MODELS_SCHEMA_VERSION - 1);
    expect(reopened()).toEqual({ checkpoint: 0, version: READ_MODELS_SCHEMA_VERSION, unitReads: { n: 0 } });
  });

  it('rebuilds one that lacks a table', () => {
    built(READ_MODELS_SCHEMA_VERSION, true);
    expect(reopened()).toEqual({ checkpoint: 0, version: READ_MODELS_SCHEMA_VERSION, unitReads: { n: 0 } });
  });
});
