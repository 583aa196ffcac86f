import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/** The page's HTTP surface: public HTML and assets at the root, nothing else let out of /api/v1. */
describe('GET /dashboard (the page, not the JSON)', () => {
  let app: TestApp;

  beforeAll(async () => {
    const root = join(__dirname, '..');
    if (!existsSync(join(root, 'dist/dashboard-web/index.html'))) execFileSync('npm', ['run', '-s', 'build:web'], { cwd: root, stdio: 'inherit' });
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  it('serves the zh-CN page without a token, allowed to talk to this origin only', async () => {
    const page = await app.http().get('/dashboard').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<html lang="zh-CN">');
    for (const figure of ['total', 'rectificationRate', 'onTimeRate', 'overdue', 'majorOpen', 'underSupervision', 'repeatRate']) {
      expect(page.text).toContain(`data-figure="${figure}"`);
    }
    for (const label of ['隐患总数', '整改率', '按期整改率', '逾期', '重大隐患', '挂牌督办', '重复发现']) expect(page.text).toContain(label);
  });

  it('serves the bundled script and style, and answers 304 to a browser that has them', async () => {
    const script = await app.http().get('/dashboard/assets/dashboard.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('no-cache');
    await app.http().get('/dashboard/assets/dashboard.js').set('If-None-Match', script.headers.etag!).expect(304);
    const style = await app.http().get('/dashboard/assets/dashboard.css').expect(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serves nothing else from disk', async () => {
    await app.http().get('/dashboard/assets/missing.js').expect(404);
    await app.http().get('/dashboard/assets/..%2F..%2Fpackage.json').expect(404);
    await app.http().get('/dashboard/assets/..%2Fjwt-secret').expect(404);
  });

  it('leaves the JSON where it was, behind the token', async () => {
    await app.http().get('/api/v1/dashboard/summary').expect(401);
    await app.http().get('/dashboard/summary').expect(404);
  });
});
