import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { inspector, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { eventually, settledScan } from './support/processes-probe';
import { FakeClock, TestApp, TestClaims } from './support/test-app';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './support/chromium';

/** The page's globals, for the functions that run in the browser (this tsconfig knows Node, not the DOM). */
declare const document: { body: { dataset: Record<string, string | undefined> } };
declare const location: { hash: string };

const ROOT = join(__dirname, '..');
/** The console's sources, and the dashboard's labels it imports. */
const WEB_SOURCES = [join(ROOT, 'apps/console-web/src'), join(ROOT, 'apps/dashboard-web/src')];
const WEB_BUILD = join(ROOT, 'dist/console-web/console.js');
const ARTIFACTS = join(__dirname, 'artifacts');
/** The app's TIME_ZONE (the default); the browser runs in UTC, so a time shown in the browser's zone would differ. */
const TIME_ZONE = 'Asia/Shanghai';

const cityInspector: TestClaims = { sub: 'insp-city', dept: 'dept-safety-committee', roles: ['inspector'], sectors: ['*'], regions: ['*'] };
const tipOfficer: TestClaims = { sub: 'tip-he', dept: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['3301'] };

interface HistoryEvent {
  revision: number;
  type: string;
  metadata: { occurredAt: string; actor: { userId: string; departmentId: string } };
}

/** `npm test` builds the pages first; a bare `npx jest` after editing the console gets a fresh build here. */
function ensureWebBuilt(): void {
  const built = existsSync(WEB_BUILD) ? statSync(WEB_BUILD).mtimeMs : 0;
  const stale = WEB_SOURCES.some((dir) => readdirSync(dir).some((file) => statSync(join(dir, file)).mtimeMs > built));
  if (stale) execFileSync('npm', ['run', '-s', 'build:console'], { cwd: ROOT, stdio: 'inherit' });
}

const shownTime = (iso: string) => DateTime.fromISO(iso).setZone(TIME_ZONE).toFormat('yyyy-MM-dd HH:mm:ss');

describe('/console in headless Chromium', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let app: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Page errors and console errors of the pages that expect none. */
  const pageErrors: string[] = [];
  /** Network failures the error-path pages provoke on purpose (Chromium logs each as a console error). */
  const expectedFailures: string[] = [];
  const foreignRequests: string[] = [];
  let page: Page;
  /** The walked hazard: found, assigned, extended, rectified and verified, on six different days. */
  let walked: string;
  let tampered: string;
  /** Assigned with a deadline that passes: the ladder sends its overdue notice to the gas department's webhook. */
  let overdue: string;
  /** The gas department's webhook: answers every notice 204 (delivered). */
  let receiver: Server;
  let directoryDir: string;

  const report = async (claims: TestClaims, overrides: Record<string, unknown>) => {
    const response = await app.as(claims).post('/api/v1/hazards').send(reportBody(overrides));
    expect(response.status).toBe(201);
    return response.body as { hazardId: string; position: number };
  };
  const api = async (path: string, claims: TestClaims = reviewer) => (await app.as(claims).get(`/api/v1${path}`).expect(200)).body;

  async function seed(): Promise<number> {
    const walk = await report(inspector, { location: '1号楼 调压箱', unitName: '某某燃气有限公司' });
    walked = walk.hazardId;
    clock.set('2026-03-02T02:00:00Z');
    await app.as(supervisor).post(`/api/v1/hazards/${walked}/assignments`).send(assignBody()).expect(200);
    clock.set('2026-03-05T06:30:00Z');
    await app.as(rectifier).post(`/api/v1/hazards/${walked}/extension-requests`).send({ newDeadline: '2026-04-15T18:00:00+08:00', reason: '调压箱需定制' }).expect(200);
    clock.set('2026-03-06T01:00:00Z');
    await app.as(supervisor).post(`/api/v1/hazards/${walked}/extension-decisions`).send({ approved: true, reason: '同意延期' }).expect(200);
    clock.set('2026-03-12T01:00:00Z');
    await app.as(rectifier).post(`/api/v1/hazards/${walked}/rectifications`).send(rectificationBody()).expect(200);
    clock.set('2026-03-13T03:00:00Z');
    await app.as(supervisor2).post(`/api/v1/hazards/${walked}/verifications`).send({ passed: true, notes: '复核通过' }).expect(200);

    await report(inspector, { location: '2号楼 燃气表间' });
    await report(cityInspector, { sector: 'fire', regionCode: '330105', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED', location: '1层 安全出口' });
    await report(cityInspector, { sector: 'fire', regionCode: '330105', unitId: 'UNIT-MALL', unitName: '某某商场', categoryCode: 'FIRE-EXIT-BLOCKED', location: '2层 安全出口', level: 'major' });
    await report(cityInspector, { sector: 'construction', regionCode: '330106', unitId: 'UNIT-BUILD', unitName: '某某建设工程公司', categoryCode: 'SCAFFOLD', location: '工地 脚手架' });
    tampered = (await report(inspector, { location: '5号楼 锅炉房' })).hazardId;
    await app.as(supervisor).post(`/api/v1/hazards/${tampered}/assignments`).send(assignBody()).expect(200);
    overdue = (await report(inspector, { location: '3号楼 地下室 管道' })).hazardId;
    await app.as(supervisor).post(`/api/v1/hazards/${overdue}/assignments`).send(assignBody({ deadline: '2026-03-20T18:00:00+08:00' })).expect(200);
    const last = await report(inspector, { unitId: 'UNIT-OTHER', unitName: '某某餐饮店', location: '后厨 液化气瓶' });

    await app.http().post('/api/v1/public/tips').send({ sector: 'gas', regionCode: '330102', location: '某小区3幢楼下', description: '燃气管道漏气，味道很大', anonymous: true }).expect(201);
    await app.http().post('/api/v1/public/tips').send({ sector: 'fire', regionCode: '330105', location: '某商场后门', description: '安全出口被货物堵塞', anonymous: true }).expect(201);

    // An edited event: the hash chain no longer matches from revision 1 on.
    const db = new Database(join(app.dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = json_set(data, '$.deadline', '2026-12-31T00:00:00+08:00') WHERE stream_id = ? AND revision = 1`).run(`hazard-${tampered}`);
    db.close();

    clock.set('2026-03-25T00:00:00Z'); // the 3号楼 deadline has passed: 逾期, and the overdue notice is due
    await settledScan(app.app);
    await eventually(async () => (await api(`/hazards/${overdue}/notifications`)).items.some((n: { status: string }) => n.status === 'delivered'), 'the overdue notice delivered');
    return last.position;
  }

  /** A page in its own browser context (its own localStorage: its own token), watched for errors and other origins. */
  async function newPage(options: { expectFailures?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'UTC', acceptDownloads: true });
    contexts.push(context);
    const opened = await context.newPage();
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    opened.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (options.expectFailures && message.text().startsWith('Failed to load resource')) expectedFailures.push(message.text());
      else pageErrors.push(message.text());
    });
    opened.on('request', (request) => {
      const url = request.url();
      if (!(url.startsWith(base) || url.startsWith('data:') || url.startsWith(`blob:${base}`))) foreignRequests.push(url);
    });
    return opened;
  }

  const openConsole = async (target: Page, claims: TestClaims, hash = '#/hazards') => {
    await target.goto(`${base}/console?token=${app.token(claims)}${hash}`);
    await target.waitForSelector('body[data-loaded]:not([data-loaded=""])');
  };
  /** Runs `action` (a click, a new #hash) and waits until the console has shown the view it leads to. */
  const navigating = async (target: Page, action: () => Promise<unknown>) => {
    const before = await target.evaluate(() => Number(document.body.dataset.loaded || 0));
    await action();
    await target.waitForFunction((ticket) => Number(document.body.dataset.loaded || 0) > ticket, before);
  };
  const goToHash = (target: Page, hash: string) => navigating(target, () => target.evaluate((h) => void (location.hash = h), hash));

  beforeAll(async () => {
    requireChromium();
    ensureWebBuilt();
    receiver = createServer((request, response) => void request.resume().on('end', () => response.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    directoryDir = mkdtempSync(join(tmpdir(), 'console-directory-'));
    const directory = join(directoryDir, 'departments.json');
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dept-gas`;
    writeFileSync(directory, JSON.stringify({ safetyCommittee: 'dept-safety-committee', departments: { 'dept-gas': { name: '区燃气管理办公室', webhookUrl } } }));
    // Deadline scans only when the test asks (settledScan), so the seed decides when the ladder runs.
    app = await TestApp.start({ clock, env: { NOTIFY_DIRECTORY: directory, NOTIFY_RETRY_BASE_MS: '10', DEADLINE_SCAN_MS: '3600000' } });
    await app.app.listen(0, '127.0.0.1');
    base = await app.app.getUrl();
    const position = await seed();
    await api(`/hazards?minPosition=${position}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await newPage();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    if (receiver) await new Promise((resolve) => receiver.close(resolve));
    if (directoryDir) rmSync(directoryDir, { recursive: true, force: true });
  });

  it('signs in by ?token= (which leaves the address bar) and lists what GET /hazards lists', async () => {
    const all = await api('/hazards?pageSize=20');
    await openConsole(page, reviewer);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('[data-list-status]').getAttribute('data-total')).toBe(String(all.total));
    expect(await page.locator('[data-table="hazards"] tbody tr').count()).toBe(all.items.length);
    expect(await page.locator('[data-zone]').textContent()).toBe(TIME_ZONE);
    expect(await page.locator('[data-nav="tips"]').isHidden()).toBe(true);
  }, 60_000);

  it('finds a hazard with the list filters: the rows are those of the filtered API, named in Chinese', async () => {
    const expected = await api('/hazards?sector=fire&regionCode=330105&level=major');
    expect(expected.total).toBe(1);
    await page.selectOption('[data-filters] select[name="sector"]', 'fire');
    await page.selectOption('[data-filters] select[name="regionCode"]', '330105');
    await page.selectOption('[data-filters] select[name="level"]', 'major');
    await navigating(page, () => page.click('[data-filters] button[type="submit"]'));
    expect(new URL(page.url()).hash).toBe('#/hazards?regionCode=330105&sector=fire&level=major');
    const rows = page.locator('[data-table="hazards"] tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-hazard-id')).toBe(expected.items[0].hazardId);
    expect((await rows.first().locator('td').allTextContents()).slice(3, 7)).toEqual(['消防', '拱墅区', '重大', '已发现待交办']);

    const verifiedGas = await api('/hazards?sector=gas&status=verified');
    await goToHash(page, '#/hazards?sector=gas&status=verified');
    expect(await page.locator('[data-table="hazards"] tbody tr').count()).toBe(verifiedGas.total);
    expect(await page.locator(`[data-table="hazards"] tbody tr[data-hazard-id="${walked}"]`).count()).toBe(1);

    // The period, as the dashboard's click-through sends it: the months the hazards were found in, in TIME_ZONE.
    // Every seeded hazard was found on 28 February (Asia/Shanghai), so February lists them all and March none.
    const february = await api('/hazards?from=2026-02&to=2026-02&pageSize=200');
    expect(february.total).toBe((await api('/hazards')).total);
    await goToHash(page, '#/hazards?from=2026-02&to=2026-02');
    expect(await page.locator('[data-filters] input[name="from"]').inputValue()).toBe('2026-02');
    expect(await page.locator('[data-list-status]').getAttribute('data-total')).toBe(String(february.total));
    const shown = await page.locator('[data-table="hazards"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-hazard-id')));
    expect(shown.sort()).toEqual(february.items.map((h: { hazardId: string }) => h.hazardId).sort());
    expect((await api('/hazards?from=2026-03&to=2026-03')).total).toBe(0);
    await goToHash(page, '#/hazards?from=2026-03&to=2026-03');
    expect(await page.locator('[data-list-status]').getAttribute('data-total')).toBe('0');
    await goToHash(page, '#/hazards?sector=gas&status=verified'); // where the tests below start
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'console-list.png'), fullPage: true });
  }, 60_000);

  it('exports the filtered list as a CSV of every row the API lists', async () => {
    const expected = await api('/hazards?sector=gas&status=verified&pageSize=200');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('"隐患编号","单位代码","单位"');
    expect(lines).toHaveLength(expected.total + 1);
    expect(lines[1]).toContain(`"${walked}"`);
    expect(lines[1]).toContain('"已验收销号"');
  }, 60_000);

  it('opens the dossier: every event of /history with actor, department and time in TIME_ZONE, and the integrity badge', async () => {
    const { events } = (await api(`/hazards/${walked}/history`)) as { events: HistoryEvent[] };
    const integrity = await api(`/hazards/${walked}/integrity`);
    expect(events).toHaveLength(6);
    expect(integrity).toEqual({ valid: true, events: 6 });

    await page.click(`[data-dossier-link="${walked}"]`);
    await page.waitForSelector(`[data-dossier="${walked}"] [data-section="state"] [data-field="status"]`);
    expect(await page.locator('[data-event-count]').textContent()).toBe(String(events.length));
    const rows = page.locator('[data-table="timeline"] tbody tr');
    expect(await rows.count()).toBe(events.length);
    for (const [index, event] of events.entries()) {
      const cells = await rows.nth(index).locator('td').allTextContents();
      expect(cells.slice(0, 5)).toEqual([String(event.revision), shownTime(event.metadata.occurredAt), expect.any(String), event.metadata.actor.userId, event.metadata.actor.departmentId]);
    }
    expect((await rows.locator('td:nth-child(3)').allTextContents())).toEqual(['发现隐患', '交办整改', '申请延期', '批准延期', '整改完成', '验收通过']);
    // 2026-03-02T02:00Z is 10:00 in Shanghai; the browser itself runs in UTC.
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('2026-03-02 10:00:00');

    const badge = page.locator('[data-integrity]');
    expect(await badge.getAttribute('data-integrity')).toBe('valid');
    expect(await badge.getAttribute('data-events')).toBe(String(integrity.events));
    expect(await badge.textContent()).toContain('校验通过');

    const state = await api(`/hazards/${walked}`);
    expect(await page.locator('[data-field="status"]').getAttribute('data-code')).toBe(state.status);
    expect(await page.locator('[data-field="status"] td').textContent()).toBe('已验收销号');
    expect(await page.locator('[data-field="sector"] td').textContent()).toBe('燃气');
    expect(await page.locator('[data-field="regionCode"] td').textContent()).toBe('上城区');
    const trail = await api(`/hazards/${walked}/trail`);
    expect(await page.locator('[data-trail] [data-cycle]').count()).toBe(trail.cycles.length);
    expect(await page.locator('[data-trail] [data-verification]').textContent()).toContain('sup-qian');
  }, 60_000);

  it('shows the state as of a revision and as of a time, as GET …/state answers them', async () => {
    const stateSection = page.locator('[data-section="state"]');
    const byRevision = await api(`/hazards/${walked}/state?revision=1`);
    await page.selectOption('[data-as-of-form] select[name="revision"]', '1');
    await page.click('[data-action="as-of-revision"]');
    await page.waitForSelector('[data-section="state"][data-revision="1"]');
    expect(await stateSection.locator('[data-field="status"]').getAttribute('data-code')).toBe(byRevision.status);
    expect(await stateSection.locator('[data-field="status"] td').textContent()).toBe('整改中');
    expect(await stateSection.locator('[data-field="deadline"] td').textContent()).toBe(shownTime(byRevision.deadline));
    expect(new URL(page.url()).hash).toBe(`#/hazards/${walked}?revision=1`);

    // 2026-03-08 12:00 in Shanghai: after the extension (03-06), before the rectification (03-12).
    const byTime = await api(`/hazards/${walked}/state?asOf=${encodeURIComponent('2026-03-08T12:00:00+08:00')}`);
    expect(byTime.revision).toBe(3);
    await page.fill('[data-as-of-form] input[name="asOf"]', '2026-03-08T12:00:00');
    await page.click('[data-action="as-of-time"]');
    await page.waitForSelector('[data-section="state"][data-revision="3"]');
    expect(await stateSection.getAttribute('data-as-of')).toBe('2026-03-08T12:00:00+08:00');
    expect(await stateSection.locator('[data-field="status"]').getAttribute('data-code')).toBe(byTime.status);
    expect(await stateSection.locator('[data-state-title]').textContent()).toBe('截至 2026-03-08 12:00:00 的状态');
    expect(await stateSection.locator('[data-field="deadline"] td').textContent()).toBe(shownTime(byTime.deadline));
    expect(byTime.deadline).not.toBe(byRevision.deadline);

    await page.click('[data-action="as-of-now"]');
    await page.waitForSelector('[data-section="state"][data-revision="5"]');
    expect(await stateSection.locator('[data-field="status"]').getAttribute('data-code')).toBe('verified');
  }, 60_000);

  it('prints the dossier as a 台账 page: no menus or buttons, a header with the hazard id and the print time', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'console-dossier.png'), fullPage: true });
    expect(await page.locator('.print-header').isVisible()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.bar').isVisible()).toBe(false);
    expect(await page.locator('[data-as-of-form]').isVisible()).toBe(false);
    expect(await page.locator('button:visible').count()).toBe(0);
    const header = page.locator('.print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await header.textContent()).toContain(`隐患编号 ${walked}`);
    expect(await header.locator('[data-print-time]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'console-dossier-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('shows 校验失败 and where the chain breaks for an edited hazard, as …/integrity finds it', async () => {
    const integrity = await api(`/hazards/${tampered}/integrity`);
    expect(integrity).toMatchObject({ valid: false, brokenAt: { revision: 1 } });
    await goToHash(page, `#/hazards/${tampered}`);
    await page.waitForSelector(`[data-dossier="${tampered}"] [data-integrity]`);
    const badge = page.locator('[data-integrity]');
    expect(await badge.getAttribute('data-integrity')).toBe('broken');
    expect(await badge.getAttribute('data-broken-revision')).toBe(String(integrity.brokenAt.revision));
    expect(await badge.textContent()).toContain(`校验失败 · 自第 ${integrity.brokenAt.revision} 版（数据位置 ${integrity.brokenAt.position}）起`);
  }, 60_000);

  it('lists the hazard’s notifications as …/notifications answers them, and marks it overdue', async () => {
    const { items } = await api(`/hazards/${overdue}/notifications`);
    expect(items.length).toBeGreaterThan(0);
    await goToHash(page, `#/hazards/${overdue}`);
    await page.waitForSelector(`[data-dossier="${overdue}"] [data-table="notifications"]`);
    const rows = page.locator('[data-table="notifications"] tbody tr');
    expect(await rows.count()).toBe(items.length);
    const department = items.findIndex((n: { recipient: { id: string } }) => n.recipient.id === 'dept-gas');
    expect(await rows.nth(department).locator('td').allTextContents()).toEqual([
      shownTime(items[department].requestedAt), '逾期通知', '区燃气管理办公室', '接口推送', '已送达', String(items[department].attempts), shownTime(items[department].at),
    ]);
    expect(await page.locator('[data-field="overdue"]').getAttribute('data-code')).toBe('true');
    expect(await page.locator('[data-table="timeline"] tbody tr[data-type="RectificationOverdue"] td:nth-child(3)').textContent()).toBe('逾期未整改');
    await page.screenshot({ path: join(ARTIFACTS, 'console-dossier-overdue.png'), fullPage: true });
  }, 60_000);

  it('gives a tip officer the inbox of its regions and a tip page; others get no inbox', async () => {
    const inbox = await api('/tips', tipOfficer);
    expect(inbox.total).toBe(2);
    const officerPage = await newPage();
    await openConsole(officerPage, tipOfficer, '#/tips');
    expect(await officerPage.locator('[data-nav="tips"]').isVisible()).toBe(true);
    expect(await officerPage.locator('[data-tip-total]').getAttribute('data-tip-total')).toBe(String(inbox.total));
    const tipNos = await officerPage.locator('[data-table="tips"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tip-no')));
    expect(tipNos.sort()).toEqual(inbox.items.map((t: { tipNo: string }) => t.tipNo).sort());
    await officerPage.screenshot({ path: join(ARTIFACTS, 'console-tips.png'), fullPage: true });

    const tipNo = inbox.items[0].tipNo as string;
    const history = await api(`/tips/${tipNo}/history`, tipOfficer);
    await officerPage.click(`[data-tip-link="${tipNo}"]`);
    await officerPage.waitForSelector(`[data-tip="${tipNo}"]`);
    expect(await officerPage.locator('[data-table="timeline"] tbody tr').count()).toBe(history.events.length);
    expect(await officerPage.locator('[data-integrity]').getAttribute('data-integrity')).toBe('valid');

    await openConsole(page, inspector, '#/tips');
    expect(await page.locator('[data-nav="tips"]').isHidden()).toBe(true);
    expect(await page.locator('[data-error="403"]').textContent()).toContain('举报受理仅对举报受理员');
  }, 60_000);

  it('says in Chinese when the token is refused (401) or the hazard is outside the reader’s scope (404)', async () => {
    const errorPage = await newPage({ expectFailures: true });
    // The rectifier's unit is UNIT-GASCO: the 某某餐饮店 hazard (UNIT-OTHER) is not its to read.
    const other = (await api('/hazards?unitId=UNIT-OTHER')).items[0].hazardId as string;
    await app.as(rectifier).get(`/api/v1/hazards/${other}`).expect(404);
    await openConsole(errorPage, rectifier, `#/hazards/${other}`);
    expect(await errorPage.locator('[data-error="404"]').textContent()).toContain('未找到：记录不存在，或不在您的查阅范围内');

    const rectifierList = await api('/hazards', rectifier);
    await goToHash(errorPage, '#/hazards');
    expect(await errorPage.locator('[data-list-status]').getAttribute('data-total')).toBe(String(rectifierList.total));

    await errorPage.goto(`${base}/console?token=not-a-token#/hazards`);
    await errorPage.waitForSelector('[data-token-dialog][open]');
    expect(await errorPage.locator('[data-token-error]').textContent()).toContain('令牌无效或已过期');
    await errorPage.fill('[data-token-dialog] textarea', app.token(reviewer));
    await errorPage.click('[data-token-dialog] button[type="submit"]');
    await errorPage.waitForSelector('[data-table="hazards"]');
    expect(expectedFailures.length).toBeGreaterThanOrEqual(2);
    expect(expectedFailures.every((text) => /status of (401|404)/.test(text))).toBe(true);
  }, 60_000);

  it('ran with no page or console error and asked nothing of any other origin (it must work with no internet)', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
