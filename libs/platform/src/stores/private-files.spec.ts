import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateFile, makePrivateDir, securePrivateDir } from './private-files';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('private files in DATA_DIR', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'private-files-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates missing directories 0700 and files 0600, under any umask', () => {
    const previous = process.umask(0o000);
    try {
      createPrivateFile(join(root, 'data', 'nested', 'events.sqlite'));
      makePrivateDir(join(root, 'other'));
    } finally {
      process.umask(previous);
    }
    expect(modeOf(join(root, 'data'))).toBe(0o700);
    expect(modeOf(join(root, 'data', 'nested'))).toBe(0o700);
    expect(modeOf(join(root, 'data', 'nested', 'events.sqlite'))).toBe(0o600);
    expect(modeOf(join(root, 'other'))).toBe(0o700);
  });

  it('leaves an existing file as it is (content and mode are the start-up check’s business)', () => {
    const file = join(root, 'api.sqlite');
    writeFileSync(file, 'kept');
    createPrivateFile(file);
    expect(statSync(file).size).toBe(4);
  });

  it('at start-up, tightens a data directory from before: the directory, its files and subdirectories', () => {
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'events.sqlite'), '');
    writeFileSync(join(dir, 'sub', 'departments.json'), '{}');
    writeFileSync(join(dir, 'jwt-secret'), 'x', { mode: 0o600 });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'sub'), 0o755);
    chmodSync(join(dir, 'events.sqlite'), 0o644);
    chmodSync(join(dir, 'sub', 'departments.json'), 0o666);

    const tightened = securePrivateDir(dir);

    expect([...tightened].sort()).toEqual([dir, join(dir, 'events.sqlite'), join(dir, 'sub'), join(dir, 'sub', 'departments.json')].sort());
    expect([modeOf(dir), modeOf(join(dir, 'sub')), modeOf(join(dir, 'events.sqlite')), modeOf(join(dir, 'sub', 'departments.json'))]).toEqual([0o700, 0o700, 0o600, 0o600]);
    expect(securePrivateDir(dir)).toEqual([]);
  });

  it('leaves the target of a symbolic link alone', () => {
    const outside = join(root, 'catalogue.json');
    writeFileSync(outside, '{}', { mode: 0o644 });
    chmodSync(outside, 0o644);
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync(outside, join(dir, 'catalogue.json'));

    expect(securePrivateDir(dir)).toEqual([]);
    expect(modeOf(outside)).toBe(0o644);
  });

  it('creates a missing DATA_DIR 0700', () => {
    securePrivateDir(join(root, 'fresh'));
    expect(modeOf(join(root, 'fresh'))).toBe(0o700);
  });
});
