/**
 * A seed given as a portal's home page (or a column that moved in a redesign): its page lists no report, so once the
 * HTTP path (and the browser, where scripts could draw a list) found none, its host is explored from its page as
 * `nianbao discover` would (首页 → 政务公开 → 法定主动公开内容 → 政府信息公开年报), and the column found is read as the
 * seed's list. The reports are found, the seed is flagged `moved` naming the column, the traps beside it stay out,
 * and with the exploration turned off (exploreEmptySeedPages 0) the seed is `empty` as before.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { foldersAbove } from '../../src/crawl/seed-explore.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const SITE = '某县人民政府';
function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}
const links = (xs: [string, string][]) => `<ul>${xs.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('')}</ul>`;
const page = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_${SITE}</title></head><body>
<div class="top">${SITE}</div><div class="nav">${links([['首页', '/'], ['政务动态', '/zwdt/'], ['政务公开', '/zwgk/'], ['政务服务', '/zwfw/'], ['互动交流', '/hdjl/']])}</div>
${main}<div class="foot">主办：${SITE}办公室</div></body></html>`;

const PAGES: Record<string, string> = {
  '/': page('首页', `<div class="news"><h3>政务动态</h3>${links([['县长主持召开县政府常务会议', '/zwdt/202401/t1.html'], ['全县春耕生产工作有序推进', '/zwdt/202403/t2.html']])}</div>`),
  '/zwgk/': page('政务公开', `<div class="left"><h3>政府信息公开</h3>${links([['政府信息公开指南', '/zwgk/zn/'], ['政府信息公开制度', '/zwgk/zd/'], ['法定主动公开内容', '/zwgk/fdzdgknr/']])}</div>`),
  '/zwgk/fdzdgknr/': page('法定主动公开内容', `<div class="left"><h3>法定主动公开内容</h3>${links([['政策文件', '/zwgk/fdzdgknr/zcwj/'], ['政府信息公开年报', '/zwgk/fdzdgknr/ndbg/']])}</div>`),
  '/zwgk/fdzdgknr/zcwj/': page('政策文件', `<ul class="list">${links([['关于印发2023年政务公开工作要点的通知', '/zwgk/a/1.html'], ['2023年度部门决算公开', '/zwgk/a/2.html']])}</ul>`),
  '/zwgk/fdzdgknr/ndbg/': page(
    '政府信息公开年报',
    `<div class="list-title">政府信息公开年报</div><ul class="list">${links([
      [`${SITE}2023年政府信息公开工作年度报告`, '/zwgk/nb/2024/t301.html'],
      [`${SITE}2022年政府信息公开工作年度报告`, '/zwgk/nb/2023/t288.html'],
    ])}</ul>`,
  ),
  '/zwgk/nb/2024/t301.html': page('年度报告', `<h1>${SITE}2023年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况。本机关依法做好政府信息公开工作。</p></div>`),
  '/zwgk/nb/2023/t288.html': page('年度报告', `<h1>${SITE}2022年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况。本机关依法做好政府信息公开工作。</p></div>`),
};

async function crawlHome(origin: string, exploreEmptySeedPages?: number, dir = tempDir()) {
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${SITE}\n    entries:\n      - url: ${origin}/\n        family: auto\n`);
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: FAST, ...(exploreEmptySeedPages === undefined ? {} : { exploreEmptySeedPages }) }, {});
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
  return { catalog, summary, dir };
}

test('a seed at a portal home page: its annual-report column is found by exploring, read, and the seed flagged moved', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const body = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
    return body ? send(res, body) : send(res, 'not found', 404);
  });
  try {
    const { catalog, summary } = await crawlHome(server.origin);
    try {
      const years = (catalog.db.prepare('SELECT year FROM reports ORDER BY year').all() as { year: number }[]).map((r) => r.year);
      assert.deepEqual(years, [2022, 2023]);
      const [seed] = summary.seeds;
      assert.equal(seed!.status, 'moved');
      assert.match(seed!.reason ?? '', new RegExp(`read from ${server.origin}/zwgk/fdzdgknr/ndbg/, found by exploring its host: point the seed there`));
      const [health] = catalog.seedHealth.health();
      assert.deepEqual(health!.flags, ['moved']);
      assert.equal(health!.healthy, false);
      assert.equal(summary.emptySeeds, 0);
    } finally {
      catalog.close();
    }
    const off = await crawlHome(server.origin, 0);
    try {
      assert.equal(off.summary.stats.newReports, 0);
      assert.equal(off.summary.seeds[0]!.status, 'empty');
    } finally {
      off.catalog.close();
    }
  } finally {
    await server.close();
  }
});

test('a moved seed\'s columns are remembered: the next run reads them at once, and explores again when they are gone', { timeout: 120_000 }, async () => {
  const pages = { ...PAGES };
  const asked: string[] = [];
  const server = await startServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    asked.push(p);
    return pages[p] ? send(res, pages[p]) : send(res, 'not found', 404);
  });
  const reportYears = (c: Catalog) => (c.db.prepare('SELECT year FROM reports ORDER BY year').all() as { year: number }[]).map((r) => r.year);
  try {
    const first = await crawlHome(server.origin);
    first.catalog.close();
    asked.length = 0;
    const second = await crawlHome(server.origin, undefined, first.dir);
    try {
      assert.deepEqual(reportYears(second.catalog), [2022, 2023]);
      assert.ok(asked.includes('/zwgk/fdzdgknr/ndbg/'), 'the remembered column is read');
      // The seed's nav link 政务公开 (/zwgk/) is asked once as the disclosure page a page naming no column is read
      // through (round 30c); the exploration would walk on from it to 法定主动公开内容.
      assert.ok(asked.filter((p) => p === '/zwgk/').length <= 1 && !asked.includes('/zwgk/fdzdgknr/'), `no exploration again: ${asked.join(' ')}`);
      const [seed] = second.summary.seeds;
      assert.equal(seed!.status, 'moved', 'still flagged: the seed should be pointed at its column');
      assert.match(seed!.reason ?? '', /found by exploring its host on \d{4}-\d\d-\d\d \(remembered\): point the seed there/);
    } finally {
      second.catalog.close();
    }
    // A second redesign: the column moves again; the remembered one answers 404, the host is explored again.
    pages['/zwgk/fdzdgknr/nb/'] = pages['/zwgk/fdzdgknr/ndbg/']!;
    delete pages['/zwgk/fdzdgknr/ndbg/'];
    pages['/zwgk/fdzdgknr/'] = pages['/zwgk/fdzdgknr/']!.replace('/zwgk/fdzdgknr/ndbg/', '/zwgk/fdzdgknr/nb/');
    const third = await crawlHome(server.origin, undefined, first.dir);
    try {
      const [seed] = third.summary.seeds;
      assert.equal(seed!.status, 'moved', seed!.reason ?? '');
      assert.match(seed!.reason ?? '', new RegExp(`read from ${server.origin}/zwgk/fdzdgknr/nb/, found by exploring its host: point`));
      assert.deepEqual(third.catalog.seedMoves.get(seed!.seedEntryId)?.columns, [`${server.origin}/zwgk/fdzdgknr/nb/`]);
    } finally {
      third.catalog.close();
    }
  } finally {
    await server.close();
  }
});

test('a seed page answering 404 (a column moved in a redesign): its host is explored from the nearest folder above that answers', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const body = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
    return body ? send(res, body) : send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    // The old address of the column: gone; /zwgk/fdzdgknr/ above it still answers, with the new column in its menu.
    writeFileSync(seeds, `agencies:\n  - name: ${SITE}\n    entries:\n      - url: ${server.origin}/zwgk/fdzdgknr/zfxxgknb/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const config = loadConfig({ storageDir: storage, politeness: FAST }, {});
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      const years = (catalog.db.prepare('SELECT year FROM reports ORDER BY year').all() as { year: number }[]).map((r) => r.year);
      assert.deepEqual(years, [2022, 2023]);
      const [seed] = summary.seeds;
      assert.equal(seed!.status, 'moved', seed!.reason ?? '');
      assert.match(seed!.reason ?? '', new RegExp(`^its page answered HTTP 404; its reports were read from ${server.origin}/zwgk/fdzdgknr/ndbg/`));
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});

test('the folders above a seed, nearest first; a folder given without its slash is tried with it', () => {
  assert.deepEqual(foldersAbove('http://h/a/b/c.html'), ['http://h/a/b/', 'http://h/a/', 'http://h/']);
  assert.deepEqual(foldersAbove('http://h/a/b/'), ['http://h/a/', 'http://h/']);
  assert.deepEqual(foldersAbove('http://h/col/ndbg'), ['http://h/col/ndbg/', 'http://h/col/', 'http://h/']);
  assert.deepEqual(foldersAbove('http://h/'), []);
});
