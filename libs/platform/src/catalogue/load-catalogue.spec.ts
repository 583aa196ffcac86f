import { checkBasis, hasSector, regionName, sectorName } from '@hazard/domain';
import { ConfigError, loadCatalogue } from '@hazard/platform';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const DEFAULT_FILE = join(ROOT, 'catalogue/default.json');

const HANGZHOU = ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182'];

/** The sector codes the wall display names (apps/dashboard-web/src/labels.js), read as text: a lib imports no app. */
/** The 17 sector codes the wall display named before it labelled from GET /catalogue (DESIGN.md: the default has them all). */
const DASHBOARD_SECTORS = [
  'gas', 'fire', 'construction', 'housing', 'transport', 'hazardous-chemicals', 'chemicals', 'mining', 'industry',
  'special-equipment', 'market', 'education', 'health', 'tourism', 'water', 'power', 'emergency',
];

/**
 * The sectors existing tests, fixtures and benchmarks report hazards in or filter by (test/, the testing/ folders,
 * *.spec.ts, bench/: `sector: 'gas'`, `sector=fire`, scripted-log's SECTORS). Codes a test uses on purpose
 * to be refused are not listed.
 */
const SECTORS_USED_BY_TESTS = ['gas', 'fire', 'construction', 'transport'];

describe('loadCatalogue', () => {
  describe('the shipped catalogue/default.json', () => {
    const catalogue = loadCatalogue(DEFAULT_FILE);

    it('loads, versioned by the sha256 of its bytes', () => {
      expect(catalogue.version).toBe(createHash('sha256').update(readFileSync(DEFAULT_FILE)).digest('hex'));
    });

    it('names the 17 sectors of the dashboard', () => {
      const sectors = DASHBOARD_SECTORS;

      expect(sectors).toHaveLength(17);
      for (const sector of sectors) expect(hasSector(catalogue, sector)).toBe(true);
      expect(sectorName(catalogue, 'gas')).toBe('燃气');
    });

    it('accepts every sector the tests report hazards in', () => {
      expect(SECTORS_USED_BY_TESTS.filter((sector) => !hasSector(catalogue, sector))).toEqual([]);
    });

    it('has 浙江省 33 > 杭州市 3301 > its 13 districts and counties', () => {
      expect(catalogue.regions.filter((region) => region.parent === null)).toEqual([{ code: '33', name: '浙江省', parent: null }]);
      expect(catalogue.regions.find((region) => region.code === '3301')).toEqual({ code: '3301', name: '杭州市', parent: '33' });
      expect(catalogue.regions.filter((region) => region.parent === '3301').map((region) => region.code)).toEqual(HANGZHOU);
      expect(regionName(catalogue, '330102')).toBe('上城区');
      expect(regionName(catalogue, '330182')).toBe('建德市');
      expect(regionName(catalogue, '33010201')).toBe('上城区（33010201）');
    });

    it('has at least 40 bases, each with its text, effective date and source', () => {
      expect(catalogue.bases.length).toBeGreaterThanOrEqual(40);
      for (const basis of catalogue.bases) {
        expect(basis.text.length).toBeGreaterThan(5);
        expect(basis.source).toMatch(/^.+，.*(令第\d+号|〔\d{4}〕\d+号)$/);
        expect(basis.sectors.length).toBeGreaterThan(0);
      }
    });

    it.each([
      ['工贸 Art. 3, 11–13', 'GMT-10-2023', ['3(1)', '3(2)', '3(3)', ...items(11, 10), ...items(12, 2), ...items(13, 2)], '2023-05-15'],
      ['城镇燃气 Art. 4–5', 'CZRQ-2023', [...items(4, 5), '5(1)', '5(2)', '5(3)'], undefined],
      ['the 20 items of 安监总管三〔2017〕121号', 'HG-121-2017', Array.from({ length: 20 }, (_, index) => `${index + 1}`), '2017-11-13'],
    ])('covers %s', (_, standard, clauses, effectiveFrom) => {
      const codes = catalogue.bases.filter((basis) => basis.standard === standard).map((basis) => basis.code);

      expect(codes).toEqual(expect.arrayContaining(clauses.map((clause) => `${standard}:${clause}`)));
      if (effectiveFrom) {
        for (const basis of catalogue.bases.filter((b) => b.standard === standard)) expect(basis.effectiveFrom).toBe(effectiveFrom);
      }
    });

    it('applies 工贸 clauses to industry, gas clauses to gas and 121号 to chemicals, in force today', () => {
      const at = '2026-02-28T09:30:00+08:00';

      expect(checkBasis(catalogue, 'GMT-10-2023:11(3)', 'industry', at).text).toContain('干式除尘系统');
      expect(checkBasis(catalogue, 'CZRQ-2023:5(2)', 'gas', at).text).toContain('自动切断和放散装置');
      expect(checkBasis(catalogue, 'HG-121-2017:7', 'hazardous-chemicals', at).text).toContain('万向管道充装系统');
      expect(checkBasis(catalogue, 'HG-121-2017:7', 'chemicals', at).code).toBe('HG-121-2017:7');
      expect(() => checkBasis(catalogue, 'GMT-10-2023:3(1)', 'industry', '2023-05-14T23:59:59+08:00')).toThrow('is not in force');
    });
  });

  describe('a file that cannot be used stops start-up, naming CATALOGUE_FILE, the file and the entry', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'catalogue-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (name: string, content: string): string => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const failureOf = (file: string): ConfigError => {
      try {
        loadCatalogue(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return error as ConfigError;
      }
      throw new Error(`${file} loaded`);
    };

    it('a missing file', () => {
      const file = join(dir, 'absent.json');
      const error = failureOf(file);

      expect(error.variable).toBe('CATALOGUE_FILE');
      expect(error.message).toBe(`configuration: CATALOGUE_FILE ${file}: cannot be read (ENOENT)`);
    });

    it('a file that is not JSON', () => {
      const file = write('truncated.json', readFileSync(DEFAULT_FILE, 'utf8').slice(0, 500));
      const error = failureOf(file);

      expect(error.variable).toBe('CATALOGUE_FILE');
      expect(error.message).toContain(`CATALOGUE_FILE ${file}: is not valid JSON`);
    });

    it('an invalid entry', () => {
      const raw = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8'));
      raw.regions[3].parent = '3302';
      raw.bases[0].sectors = ['industry', 'self-built-housing'];
      const file = write('broken.json', JSON.stringify(raw));
      const error = failureOf(file);

      expect(error.variable).toBe('CATALOGUE_FILE');
      expect(error.message).toContain(`CATALOGUE_FILE ${file}: `);
      expect(error.message).toContain('regions[3] (330105): parent 3302 is not in the catalogue');
      expect(error.message).toContain('bases[0] (GMT-10-2023:3(1)): sector self-built-housing is not in the catalogue');
    });

    it('but not a byte-order mark an editor added', () => {
      const file = write('bom.json', `\uFEFF${readFileSync(DEFAULT_FILE, 'utf8')}`);

      expect(loadCatalogue(file).bases.length).toBe(loadCatalogue(DEFAULT_FILE).bases.length);
      expect(loadCatalogue(file).version).not.toBe(loadCatalogue(DEFAULT_FILE).version);
    });
  });
});

function items(article: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${article}(${index + 1})`);
}
