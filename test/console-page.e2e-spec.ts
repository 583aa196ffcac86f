import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/** The console's HTTP surface: public HTML and assets at /console, this origin only, the configured TIME_ZONE in the page. */
describe('GET /console (the page, not the JSON)', () => {
  let app: TestApp;

  beforeAll(async () => {
    const root = join(__dirname, '..');
    if (!existsSync(join(root, 'dist/console-web/index.html'))) execFileSync('npm', ['run', '-s', 'build:console'], { cwd: root, stdio: 'inherit' });
    app = await TestApp.start({ env: { TIME_ZONE: 'Europe/Berlin' } });
  });
  afterAll(() => app.stop());

  it('serves the zh-CN page without a token, with TIME_ZONE filled in and a policy that allows this origin only', async () => {
    const page = await app.http().get('/console').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|https?:/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toContain('<meta name="time-zone" content="Europe/Berlin">');
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    await app.http().get('/console').set('If-None-Match', page.headers.etag!).expect(304);
  });

  it('serves the bundled script and style, and answers 304 to a browser that has them', async () => {
    const script = await app.http().get('/console/assets/console.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('no-cache');
    await app.http().get('/console/assets/console.js').set('If-None-Match', script.headers.etag!).expect(304);
    const style = await app.http().get('/console/assets/console.css').expect(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.text).toContain('@media print');
  });

  it('serves nothing else from disk', async () => {
    await app.http().get('/console/assets/missing.js').expect(404);
    await app.http().get('/console/assets/..%2F..%2Fpackage.json').expect(404);
    await app.http().get('/console/assets/..%2Fjwt-secret').expect(404);
    await app.http().get('/api/v1/console').expect(404);
  });
});
