import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp, TestClaims } from './support/test-app';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './support/chromium';

/** The page's globals, for the functions that run in the browser (this tsconfig knows Node, not the DOM). */
declare const document: { body: { dataset: Record<string, string | undefined> }; querySelector(selector: string): { textContent: string | null } | null };
declare const window: { sameDocument?: boolean };

const ROOT = join(__dirname, '..');
const WEB_SOURCE = join(ROOT, 'apps/dashboard-web/src');
const WEB_BUILD = join(ROOT, 'dist/dashboard-web/dashboard.js');
const SCREENSHOT = join(__dirname, 'artifacts/dashboard.png');

/** 安委办's inspector: reports in every sector and region, so the charts have more than one bar. */
const cityInspector: TestClaims = { sub: 'insp-city', dept: 'dept-safety-committee', roles: ['inspector'], sectors: ['*'], regions: ['*'] };

interface Summary {
  total: number;
  rectificationRate: number;
  onTimeRate: number;
  overdue: number;
  majorOpen: number;
  underSupervision: number;
  repeatRate: number;
  position: number;
  [figure: string]: unknown;
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

/** `npm test` builds the page first; a bare `npx jest` after editing it gets a fresh build here. */
function ensureWebBuilt(): void {
  const built = existsSync(WEB_BUILD) ? statSync(WEB_BUILD).mtimeMs : 0;
  const stale = readdirSync(WEB_SOURCE).some((file) => statSync(join(WEB_SOURCE, file)).mtimeMs > built);
  if (stale) execFileSync('npm', ['run', '-s', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

describe('/dashboard in headless Chromium', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let app: TestApp;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  const report = async (claims: TestClaims, overrides: Record<string, unknown>) => {
    const response = await app.as(claims).post('/api/v1/hazards').send(reportBody(overrides));
    expect([200, 201]).toContain(response.status);
    return response.body as { hazardId: string; position: number };
  };
  const summary = async (): Promise<Summary> => (await app.as(reviewer).get('/api/v1/dashboard/summary').expect(200)).body;
  /** The summary once the projector, the deadline scheduler and the sagas have nothing left to do. */
  const settledSummary = async (): Promise<Summary> => {
    for (let last = await summary(); ; ) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const next = await summary();
      if (next.position === last.position) return next;
      last = next;
    }
  };
  const shown = (): Promise<Record<string, string | null>> =>
    page.$$eval('[data-figure]', (elements) => Object.fromEntries(elements.map((e) => [e.getAttribute('data-figure'), e.textContent])));
  const untilPageAt = (position: number) =>
    page.waitForFunction((p) => Number(document.body.dataset.position) >= p, position, { timeout: 10_000 });

  /** A small city: three sectors, four districts; verified, recurring, overdue and major hazards. */
  async function seed(): Promise<void> {
    const gas = (location: string, extra: Record<string, unknown> = {}) => report(inspector, { location, ...extra });
    const verified = await gas('1号楼 调压箱');
    const recurring = await gas('2号楼 燃气表间');
    const late = await gas('3号楼 地下室 管道');
    await gas('4号楼 厨房', { level: 'major', unitId: 'UNIT-HOTEL', unitName: '某某大酒店' });
    await report(cityInspector, { sector: 'fire', regionCode: '330105', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED', location: '1层 安全出口' });
    await report(cityInspector, { sector: 'fire', regionCode: '330105', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED', location: '2层 安全出口' });
    await report(cityInspector, { sector: 'construction', regionCode: '330106', unitId: 'UNIT-BUILD', unitName: '某某建设工程公司', categoryCode: 'SCAFFOLD', location: '工地 脚手架' });
    await report(cityInspector, { sector: 'fire', regionCode: '330108', unitId: 'UNIT-SCHOOL', unitName: '某某学校', categoryCode: 'FIRE-ALARM', location: '宿舍楼 烟感' });

    for (const h of [verified, recurring]) await app.as(supervisor).post(`/api/v1/hazards/${h.hazardId}/assignments`).send(assignBody()).expect(200);
    await app.as(supervisor).post(`/api/v1/hazards/${late.hazardId}/assignments`).send(assignBody({ deadline: '2026-03-10T18:00:00+08:00' })).expect(200);
    clock.set('2026-03-12T00:00:00Z');
    for (const h of [verified, recurring]) {
      await app.as(rectifier).post(`/api/v1/hazards/${h.hazardId}/rectifications`).send(rectificationBody()).expect(200);
      await app.as(supervisor2).post(`/api/v1/hazards/${h.hazardId}/verifications`).send({ passed: true, notes: '复核通过' }).expect(200);
    }
    await gas('2号楼 燃气表间'); // found again after verification: occurrence 2 (重复发现)
    await gas('3号楼 地下室 管道'); // found again while still open: the unit's found-again count (屡查屡犯)
    clock.set('2026-03-20T00:00:00Z'); // the 3号楼 deadline has passed: 逾期
  }

  beforeAll(async () => {
    requireChromium();
    ensureWebBuilt();
    app = await TestApp.start({ clock });
    await app.app.listen(0, '127.0.0.1');
    base = await app.app.getUrl();
    await seed();

    profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      args: CHROMIUM_ARGS,
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
    page.on('request', (request) => void (request.url().startsWith(base) || request.url().startsWith('data:') || foreignRequests.push(request.url())));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows every figure of /api/v1/dashboard/summary, and the token leaves the address bar', async () => {
    const expected = await settledSummary();
    expect(expected).toMatchObject({ total: 8, overdue: 1, majorOpen: 1 });
    expect(expected.repeatRate).toBeGreaterThan(0);

    await page.goto(`${base}/dashboard?token=${app.token(reviewer)}`);
    await untilPageAt(expected.position);

    expect(await shown()).toEqual(expectedFigures(expected));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('[data-live]').getAttribute('data-live')).toBe('live');
    expect(await page.locator('h1').textContent()).toBe('安全生产隐患排查治理 · 实时看板');
    for (const chart of ['sector', 'region', 'status']) expect(await page.locator(`[data-chart="${chart}"] canvas`).count()).toBe(1);
  }, 60_000);

  it('fills the overdue and repeat-unit tables from their endpoints', async () => {
    const overdue = (await app.as(reviewer).get('/api/v1/dashboard/overdue?limit=10').expect(200)).body.items;
    const repeatUnits = (await app.as(reviewer).get('/api/v1/dashboard/repeat-units?limit=10').expect(200)).body.items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(repeatUnits.length).toBeGreaterThan(0);

    const overdueRows = page.locator('[data-table="overdue"] tbody tr');
    expect(await overdueRows.count()).toBe(overdue.length);
    expect(await overdueRows.first().textContent()).toContain(overdue[0].location);
    const repeatRows = page.locator('[data-table="repeat-units"] tbody tr');
    expect(await repeatRows.count()).toBe(repeatUnits.length);
    expect(await repeatRows.first().textContent()).toContain(repeatUnits[0].unitName);
  });

  it('names sectors, regions, statuses and levels from GET /api/v1/catalogue', async () => {
    const overdue = (await app.as(reviewer).get('/api/v1/dashboard/overdue?limit=10').expect(200)).body.items;
    expect(overdue[0]).toMatchObject({ sector: 'gas', regionCode: '330102', level: 'general' });
    const cells = await page.locator('[data-table="overdue"] tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(2, 5)).toEqual(['燃气', '上城区', '一般']);

    const described = (chart: string) => page.locator(`[data-chart="${chart}"]`).getAttribute('aria-label');
    expect(await described('sector')).toBe('按行业：燃气 4，消防 3，住建 1');
    const regions = await described('region');
    for (const region of ['上城区 4', '拱墅区 2', '西湖区 1', '滨江区 1']) expect(regions).toContain(region);
    expect(regions).not.toMatch(/\d{6}/);
    const { statuses } = (await app.http().get('/api/v1/catalogue').expect(200)).body as { statuses: { code: string; name: string }[] };
    const names = (await described('status'))?.replace(/^按状态：/, '').split('，').map((part) => part.replace(/ \d+$/, ''));
    expect(names?.length).toBeGreaterThan(1);
    for (const name of names ?? []) expect(statuses.map((status) => status.name)).toContain(name);
  });

  it('updates live from /api/v1/stream when a hazard is reported, without reloading', async () => {
    await page.evaluate(() => void (window.sameDocument = true));
    const before = await summary();

    // 33011001 is not in the catalogue: the page names it after 余杭区 (330110), its longest catalogue prefix.
    await report(cityInspector, { sector: 'transport', regionCode: '33011001', level: 'major', unitId: 'UNIT-BRIDGE', unitName: '某某桥梁管理处', categoryCode: 'BRIDGE-CRACK', location: '某某大桥 3号墩' });
    await page.waitForFunction((total) => document.querySelector('[data-figure="total"]')?.textContent === String(total), before.total + 1, { timeout: 10_000 });

    const after = await settledSummary();
    await untilPageAt(after.position);
    expect(await shown()).toEqual(expectedFigures(after));
    expect(after.majorOpen).toBe(before.majorOpen + 1);
    expect(await page.evaluate(() => window.sameDocument)).toBe(true);
    expect(await page.locator('[data-chart="sector"]').getAttribute('aria-label')).toContain('交通 1');
    expect(await page.locator('[data-chart="region"]').getAttribute('aria-label')).toContain('余杭区（33011001） 1');

    mkdirSync(join(__dirname, 'artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 60_000);

  it('ran with no error and asked nothing of any other origin (it must work with no internet)', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
