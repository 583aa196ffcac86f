import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { fireSupervisor, inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './support/chromium';

/** The page's globals, for the functions that run in the browser (this tsconfig knows Node, not the DOM). */
declare const document: { body: { dataset: Record<string, string | undefined> } };

const ROOT = join(__dirname, '..');
const WEB_SOURCE = join(ROOT, 'apps/dashboard-web/src');
const WEB_BUILD = join(ROOT, 'dist/dashboard-web/dashboard.js');
const ARTIFACTS = join(__dirname, 'artifacts');

const cityInspector: TestClaims = { sub: 'insp-city', dept: 'dept-safety-committee', roles: ['inspector'], sectors: ['*'], regions: ['*'] };
const fireSupervisor2: TestClaims = { ...fireSupervisor, sub: 'sup-fire-2' };
/** 西湖区, February and March 2026 in TIME_ZONE (Asia/Shanghai): what the filters are set to below. */
const FILTER = { from: '2026-02', to: '2026-03', regionCode: '330106' };

interface Summary {
  total: number;
  rectificationRate: number;
  onTimeRate: number;
  overdue: number;
  majorOpen: number;
  underSupervision: number;
  repeatRate: number;
  position: number;
}
interface Trend {
  months: { month: string; found: number; rectified: number }[];
}

/** The text the page must show for each figure of the summary: counts as they are, rates as percentages. */
function expectedFigures(summary: Summary): Record<string, string> {
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  return {
    total: String(summary.total),
    rectificationRate: percent(summary.rectificationRate),
    onTimeRate: percent(summary.onTimeRate),
    overdue: String(summary.overdue),
    majorOpen: String(summary.majorOpen),
    underSupervision: String(summary.underSupervision),
    repeatRate: percent(summary.repeatRate),
    position: String(summary.position),
  };
}

/** What the trend chart must say it draws: each month of `/dashboard/trend`, found against rectified. */
function expectedTrendLabel(trend: Trend): string {
  const months = trend.months.map((m) => `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月 发现 ${m.found} 整改 ${m.rectified}`);
  return `月度趋势：${months.join('，')}`;
}

/** `npm test` builds the page first; a bare `npx jest` after editing it gets a fresh build here. */
function ensureWebBuilt(): void {
  const built = existsSync(WEB_BUILD) ? statSync(WEB_BUILD).mtimeMs : 0;
  const stale = readdirSync(WEB_SOURCE).some((file) => statSync(join(WEB_SOURCE, file)).mtimeMs > built);
  if (stale) execFileSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The dashboard's filters, trend, click-through, 导出 and 打印 in headless Chromium, the browser set to New York so
 * that a time shown in the browser's zone instead of TIME_ZONE (Asia/Shanghai) would show.
 */
describe('/dashboard filters, trend, export and print in headless Chromium', () => {
  const clock = new FakeClock(new Date('2026-01-06T02:00:00Z'));
  let app: TestApp;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const ids: Record<string, string> = {};

  const api = async <T>(path: string): Promise<T> => (await app.as(reviewer).get(`/api/v1${path}`).expect(200)).body as T;
  /** As the page writes its filter: `?from=…&…`, or "" for none. */
  const query = (filter: Record<string, string>) => (Object.keys(filter).length > 0 ? `?${new URLSearchParams(filter).toString()}` : '');
  const shown = (): Promise<Record<string, string | null>> =>
    page.$$eval('[data-figure]', (elements) => Object.fromEntries(elements.map((e) => [e.getAttribute('data-figure'), e.textContent])));
  /** The page has drawn the figures of this filter at (at least) this position. */
  const untilShown = (filter: Record<string, string>, position: number) =>
    page.waitForFunction(
      ([q, p]) => document.body.dataset.filter === q && Number(document.body.dataset.position) >= Number(p),
      [query(filter), String(position)] as const,
      { timeout: 10_000 },
    );

  /**
   *   A gas  330102 上城区 found 01-05, verified 01-20
   *   B gas  330106 西湖区 found 02-01 00:30 +08:00 (still January in UTC)
   *   C fire 330106 西湖区 found 02-10, deadline 02-21 07:00 +08:00 (02-20 in UTC and in New York) → overdue
   *   D construction 330105 拱墅区 found 03-02
   *   E fire 330105 拱墅区 found 03-05, verified 03-06
   *   F gas  330106 西湖区 found 03-10
   */
  async function seed(): Promise<number> {
    let last = 0;
    const track = (body: { position: number; hazardId?: string }, name?: string) => {
      last = Math.max(last, body.position);
      if (name && body.hazardId) ids[name] = body.hazardId;
    };
    const succeeded = (response: { status: number; body: { position: number; hazardId?: string; message?: string } }, status: number) => {
      if (response.status !== status) throw new Error(`seed: HTTP ${response.status} ${response.body.message}`);
      return response.body;
    };
    const report = async (name: string, who: TestClaims, overrides: Record<string, unknown>) =>
      track(succeeded(await app.as(who).post('/api/v1/hazards').send(reportBody(overrides)), 201), name);
    const post = async (who: TestClaims, name: string, path: string, body: object) =>
      track(succeeded(await app.as(who).post(`/api/v1/hazards/${ids[name]}/${path}`).send(body), 200));
    const fire = { sector: 'fire', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED' };

    await report('A', inspector, { discoveredAt: '2026-01-05T10:00:00+08:00', location: '1号楼 调压箱' });
    await post(supervisor, 'A', 'assignments', assignBody({ deadline: '2026-01-31T18:00:00+08:00' }));
    clock.set('2026-01-20T02:00:00Z');
    await post(rectifier, 'A', 'rectifications', rectificationBody({ completedAt: '2026-01-19T17:00:00+08:00' }));
    await post(supervisor2, 'A', 'verifications', { passed: true, notes: '复核通过' });
    clock.set('2026-02-12T02:00:00Z');
    await report('B', inspector, { regionCode: '330106', discoveredAt: '2026-02-01T00:30:00+08:00', location: '西溪路 燃气表间' });
    await report('C', cityInspector, { ...fire, regionCode: '330106', discoveredAt: '2026-02-10T10:00:00+08:00', location: '1层 安全出口' });
    await post(fireSupervisor, 'C', 'assignments', assignBody({ responsibleUnitId: 'UNIT-MALL', supervisingDepartment: 'dept-fire', deadline: '2026-02-21T07:00:00+08:00' }));
    clock.set('2026-03-06T02:00:00Z');
    await report('D', cityInspector, { sector: 'construction', regionCode: '330105', unitId: 'UNIT-BUILD', unitName: '某某建设工程公司', categoryCode: 'SCAFFOLD', discoveredAt: '2026-03-02T10:00:00+08:00', location: '工地 脚手架' });
    await report('E', cityInspector, { ...fire, regionCode: '330105', discoveredAt: '2026-03-05T10:00:00+08:00', location: '2层 安全出口' });
    await post(fireSupervisor, 'E', 'assignments', assignBody({ supervisingDepartment: 'dept-fire' }));
    await post(rectifier, 'E', 'rectifications', rectificationBody({ completedAt: '2026-03-06T09:00:00+08:00' }));
    await post(fireSupervisor2, 'E', 'verifications', { passed: true, notes: '复核通过' });
    clock.set('2026-03-20T02:00:00Z');
    await report('F', inspector, { regionCode: '330106', discoveredAt: '2026-03-10T10:00:00+08:00', location: '文三路 调压箱' });
    return last;
  }

  let seeded = 0;

  beforeAll(async () => {
    requireChromium();
    ensureWebBuilt();
    app = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' } });
    await app.app.listen(0, '127.0.0.1');
    base = await app.app.getUrl();
    seeded = await seed();

    profile = mkdtempSync(join(tmpdir(), 'dashboard-filters-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'America/New_York',
      acceptDownloads: true,
      args: CHROMIUM_ARGS,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
    page.on('request', (request) => void (/^(data|blob):/.test(request.url()) || request.url().startsWith(base) || foreignRequests.push(request.url())));
    await page.goto(`${base}/dashboard?token=${app.token(reviewer)}`);
    await untilShown({}, seeded);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('offers regions and sectors by their catalogue names, never by code', async () => {
    const regions = await page.locator('select[name="regionCode"] option').allTextContents();
    const sectors = await page.locator('select[name="sector"] option').allTextContents();
    expect(regions.map((r) => r.trim())).toEqual(expect.arrayContaining(['全部区域', '浙江省', '杭州市', '西湖区', '上城区']));
    expect(sectors).toEqual(expect.arrayContaining(['全部行业', '燃气', '消防', '住建']));
    for (const text of [...regions, ...sectors]) expect(text).not.toMatch(/\d{4}|[a-z]/);
    expect(await page.locator('[data-zone]').first().textContent()).toBe('Asia/Shanghai');
  });

  it('shows the figures and the trend of the filtered API once period and region are set', async () => {
    await page.fill('input[name="from"]', FILTER.from);
    await page.fill('input[name="to"]', FILTER.to);
    await page.selectOption('select[name="regionCode"]', { label: '\u3000\u3000西湖区' });
    const summary = await api<Summary>(`/dashboard/summary${query(FILTER)}`);
    const trend = await api<Trend>(`/dashboard/trend${query(FILTER)}`);
    expect(summary).toMatchObject({ total: 3, overdue: 1 }); // B, C, F; C overdue
    expect(trend.months).toEqual([{ month: '2026-02', found: 2, rectified: 0 }, { month: '2026-03', found: 1, rectified: 0 }]);
    await untilShown(FILTER, summary.position);

    expect(await shown()).toEqual(expectedFigures(summary));
    expect(await page.locator('[data-chart="trend"]').getAttribute('aria-label')).toBe(expectedTrendLabel(trend));
    expect(await page.locator('[data-chart="sector"]').getAttribute('aria-label')).toBe('按行业：燃气 2，消防 1');
    expect(await page.locator('[data-chart="region"]').getAttribute('aria-label')).toBe('按区域：西湖区 3');
    expect(await page.locator('[data-filter-summary]').textContent()).toBe('2026年2月 – 2026年3月 · 西湖区 · 全部行业');
    expect(new URL(page.url()).search).toBe(query(FILTER)); // a bookmark keeps the filter, never the token
  }, 30_000);

  it('narrows again by sector, and the whole period’s trend equals /dashboard/trend', async () => {
    await page.selectOption('select[name="sector"]', { label: '消防' });
    const filter = { ...FILTER, sector: 'fire' };
    const summary = await api<Summary>(`/dashboard/summary${query(filter)}`);
    await untilShown(filter, summary.position);
    expect(summary.total).toBe(1);
    expect(await shown()).toEqual(expectedFigures(summary));
    const trend = await api<Trend>(`/dashboard/trend${query(filter)}`);
    expect(await page.locator('[data-chart="trend"]').getAttribute('aria-label')).toBe(expectedTrendLabel(trend));

    await page.click('[data-action="clear-filters"]');
    const all = await api<Summary>('/dashboard/summary');
    await untilShown({}, all.position);
    expect(await shown()).toEqual(expectedFigures(all));
    const year = await api<Trend>('/dashboard/trend');
    expect(year.months).toHaveLength(12);
    expect(year.months.slice(-3)).toEqual([
      { month: '2026-01', found: 1, rectified: 1 },
      { month: '2026-02', found: 2, rectified: 0 }, // B, at 00:30 on 1 February in Shanghai
      { month: '2026-03', found: 3, rectified: 1 },
    ]);
    expect(await page.locator('[data-chart="trend"]').getAttribute('aria-label')).toBe(expectedTrendLabel(year));
  }, 30_000);

  it('leads from a bar to the console’s filtered list and from an overdue row to the dossier, times in TIME_ZONE', async () => {
    await page.goto(`${base}/dashboard${query(FILTER)}`);
    const summary = await api<Summary>(`/dashboard/summary${query(FILTER)}`);
    await untilShown(FILTER, summary.position);
    expect(await page.locator('select[name="regionCode"]').inputValue()).toBe('330106');

    const sectorLinks = page.locator('[data-chart-links="sector"] a');
    expect(await sectorLinks.allTextContents()).toEqual(['燃气 2', '消防 1']);
    expect(await sectorLinks.first().getAttribute('href')).toBe('/console#/hazards?from=2026-02&to=2026-03&regionCode=330106&sector=gas');
    expect(await page.locator('[data-chart-links="status"] a').first().getAttribute('href')).toMatch(/^\/console#\/hazards\?from=2026-02&to=2026-03&regionCode=330106&status=\w+$/);
    expect(await page.locator('a[data-link="overdue"]').getAttribute('href')).toBe('/console#/hazards?from=2026-02&to=2026-03&regionCode=330106&overdue=true');

    const row = page.locator('[data-table="overdue"] tbody tr').first();
    expect(await row.locator('a').getAttribute('href')).toBe(`/console#/hazards/${ids.C}`);
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(2, 7)).toEqual(['消防', '西湖区', '一般', '张三', '2026-02-21']); // 07:00 in Shanghai is 02-20 in New York
  }, 30_000);

  it('导出 downloads the filtered list the API exports', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-menu] summary').then(() => page.click('[data-export="overdue"][data-format="csv"]')),
    ]);
    const file = readFileSync(await download.path()).toString('utf8');
    const expected = (await app.as(reviewer).get(`/api/v1/dashboard/overdue${query({ ...FILTER, format: 'csv' })}`).buffer(true).expect(200)).text;
    expect(file).toBe(expected);
    expect(file.split('\r\n').filter((line) => line.includes('1层 安全出口'))).toHaveLength(1);
    expect(download.suggestedFilename()).toMatch(/^逾期隐患.*\.csv$/);
  }, 30_000);

  it('saves the filtered view, then prints figures and charts without the controls', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-filtered.png'), fullPage: true });

    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => true);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('[data-action="print"]').isVisible()).toBe(false);
    expect(await page.locator('.print-head').isVisible()).toBe(true);
    expect(await page.locator('[data-filter-description]').textContent()).toBe('2026年2月 – 2026年3月 · 西湖区 · 全部行业');
    for (const chart of ['sector', 'region', 'status', 'trend']) {
      const box = await page.locator(`[data-chart="${chart}"] canvas`).boundingBox();
      expect(box?.width).toBe(320);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(794);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }, 30_000);

  it('ran with no error and asked nothing of any other origin', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
