/**
 * A mobile page (`/wap/…`) whose device check lives in the site's own script file, not in the page: the file is
 * fetched and run as a desktop browser's, and the desktop column it sends to is read in the page's place. Before, such
 * a seed was read for the few items the mobile page shows, silently.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { desktopTwinLinks, mobileAddress } from '../../src/crawl/families/device-redirect.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const A = '某县人民政府';
const title = (y: number) => `${A}${y}年政府信息公开工作年度报告`;
const page = (head: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${A}</title>${head}</head><body><h2>政府信息公开年报</h2>${main}</body></html>`;
const list = (years: number[], prefix: string) => `<ul>${years.map((y) => `<li><a href="${prefix}${y}.html">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`;

// The widespread "browserRedirect" snippet, in a file of the site's own: it reads the user agent and sends anything
// that is no phone to the desktop column.
const BROWSER_REDIRECT = `function browserRedirect() {
  var sUserAgent = navigator.userAgent.toLowerCase();
  var bIsIpad = sUserAgent.match(/ipad/i) == "ipad";
  var bIsIphoneOs = sUserAgent.match(/iphone os/i) == "iphone os";
  var bIsAndroid = sUserAgent.match(/android/i) == "android";
  var bIsWM = sUserAgent.match(/windows mobile/i) == "windows mobile";
  if (!(bIsIpad || bIsIphoneOs || bIsAndroid || bIsWM)) {
    window.location.href = "/zwgk/gknb/index.html";
  }
}`;

test('a mobile address holding script files of its own is told apart; other pages are not', () => {
  const withSrc = '<script src="/js/mobile.js"></script>';
  for (const url of ['http://gov.test/wap/nb.html', 'http://gov.test/m/zwgk/nb/', 'http://m.gov.test/nb/', 'http://gov.test/h5/gknb/list.html']) {
    assert.equal(mobileAddress(url, withSrc), true, url);
  }
  assert.equal(mobileAddress('http://gov.test/wap/nb.html', '<script>var a = 1;</script>'), false);
  for (const url of ['http://gov.test/zwgk/nb/', 'http://gov.test/swap/nb.html', 'http://gov.test/mail/m.html']) assert.equal(mobileAddress(url, withSrc), false, url);
});

test('the device check of a script file, called from the file or from the page, sends to the desktop column', () => {
  const WAP = 'http://gov.test/wap/gknb.html';
  const html = page('<script src="/js/mobile.js"></script>', list([2024], '/wap/art/'));
  assert.deepEqual(desktopTwinLinks(html, WAP), []); // the page alone: nothing to run
  assert.deepEqual(desktopTwinLinks(html, WAP, [`${BROWSER_REDIRECT}\nbrowserRedirect();`]), ['http://gov.test/zwgk/gknb/index.html']);
  const calling = page('<script src="/js/mobile.js"></script><script>browserRedirect();</script>', list([2024], '/wap/art/'));
  assert.deepEqual(desktopTwinLinks(calling, WAP, [BROWSER_REDIRECT]), ['http://gov.test/zwgk/gknb/index.html']);
  // A file that only defines the check, never called; a file sending phones to /wap/; a file failing to load ('').
  assert.deepEqual(desktopTwinLinks(html, WAP, [BROWSER_REDIRECT]), []);
  assert.deepEqual(desktopTwinLinks(html, 'http://gov.test/zwgk/gknb/index.html', ['if (/Android|iPhone/i.test(navigator.userAgent)) location.href = "/wap/gknb.html";']), []);
  assert.deepEqual(desktopTwinLinks(html, WAP, ['']), []);
});

test('a /wap/ seed whose device check is in a script file is read at the desktop column it sends to', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/wap/gknb.html') return send(res, 200, 'text/html; charset=utf-8', page('<script src="/js/jquery.min.js"></script><script src="/js/mobile.js"></script>', list([2024], '/wap/art/')));
    if (u.pathname === '/js/mobile.js') return send(res, 200, 'application/javascript', `${BROWSER_REDIRECT}\nbrowserRedirect();`);
    if (u.pathname === '/zwgk/gknb/index.html') return send(res, 200, 'text/html; charset=utf-8', page('', list([2024, 2023, 2022], '/zwgk/gknb/art/')));
    const art = /^\/(?:wap|zwgk\/gknb)\/art\/(\d{4})\.html$/.exec(u.pathname);
    if (art) return send(res, 200, 'text/html; charset=utf-8', page('', `<h1>${title(Number(art[1]))}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div>`));
    send(res, 404, 'text/plain', 'not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${A}\n    entries:\n      - url: "${server.origin}/wap/gknb.html"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      const pages = catalog.reports.all().map((r) => new URL(r.page_url).pathname).sort();
      assert.deepEqual(pages, ['/zwgk/gknb/art/2022.html', '/zwgk/gknb/art/2023.html', '/zwgk/gknb/art/2024.html']);
      assert.equal(catalog.urls.get(`${server.origin}/wap/gknb.html`)?.redirect_to, `${server.origin}/zwgk/gknb/index.html`);
    } finally {
      catalog.close();
    }
    // The library file is never asked for; the site's own file once.
    const asked = server.hits.map((h) => h.path);
    assert.equal(asked.filter((p) => p === '/js/mobile.js').length, 1);
    assert.equal(asked.includes('/js/jquery.min.js'), false);
  } finally {
    await server.close();
  }
});
