/**
 * Round 39c's fixes (docs/blind-portals.md, round 39c), on hand-made input of other shapes than the round's portals:
 * 1. A seed page in another language (an Uyghur home page in Arabic script) whose language bar links the Chinese
 *    version: exploring its host reads that link as the page in Chinese, and through it finds the 年报 column
 *    (before: `empty`, "exploring its host from its page (1 pages) found no annual-report column").
 * 2. A link titled with its year whose title is a document of another kind (图解, a notice on compiling the reports,
 *    a 政务公开工作要点) is no column and no way to one: exploring does not read it as a column nor name it in the
 *    `moved` note (before: `column` / `nav`).
 * 3. A seed whose page answers 404, its reports found by exploring: `moved` only, its 404 not a host failure
 *    (before: `moved,host_failed` while the run's summary counted it gone, not failed).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { chineseVersionLink, inOtherScript, linkKind } from '../../src/onboard/column-links.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}
const links = (xs: [string, string][]) => `<ul>${xs.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('')}</ul>`;
const report = (title: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><div id="zoom"><p>一、总体情况。本机关依法做好政府信息公开工作。</p><p>二、主动公开政府信息情况</p></div></body></html>`;

async function crawl(origin: string, seedPath: string, agency: string) {
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${agency}\n    entries:\n      - url: ${origin}${seedPath}\n        family: auto\n        render: http\n`);
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: FAST }, {});
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
  return { catalog, summary };
}

const years = (catalog: Catalog) => (catalog.db.prepare('SELECT year FROM reports ORDER BY year').all() as { year: number }[]).map((r) => r.year);

test('a seed page in another script: its language bar\'s 中文版 is the page in Chinese, and leads to the 年报 column', { timeout: 120_000 }, async () => {
  const GOV = '某某县人民政府';
  // An Uyghur home page: its words in Arabic script; the bar's 中文版 goes to the Chinese HOME (no column named there).
  const ug = `<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"><title>ناھىيەلىك خەلق ھۆكۈمىتى</title></head><body>
<div class="bar"><a href="/">中文版</a> | <a href="/ug/">ئۇيغۇرچە</a></div>
<div class="nav">${links([['باش بەت', '/ug/'], ['خەۋەرلەر', '/ug/xw/'], ['ھۆكۈمەت ئاشكارىلىقى', '/ug/zwgk/']])}</div>
<div class="news"><h3>خەۋەرلەر</h3>${links([['ناھىيەلىك ھۆكۈمەتنىڭ دائىمىي يىغىنى ئېچىلدى', '/ug/xw/1.html'], ['يېزا ئىگىلىك ئىشلىرى ياخشى ئېلىپ بېرىلدى', '/ug/xw/2.html']])}</div>
<div class="foot">ناھىيەلىك خەلق ھۆكۈمىتى بېتى</div></body></html>`;
  const zh = (title: string, main: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_${GOV}</title></head><body><div class="bar"><a href="/">中文版</a> | <a href="/ug/">ئۇيغۇرچە</a></div>
<div class="nav">${links([['首页', '/'], ['新闻动态', '/xwdt/'], ['政务公开', '/zwgk/']])}</div>${main}</body></html>`;
  const pages: Record<string, string> = {
    '/ug/': ug,
    '/': zh('首页', `<div class="news"><h3>新闻动态</h3>${links([['县政府召开常务会议', '/xwdt/1.html']])}</div>`),
    '/zwgk/': zh('政务公开', `<div class="left">${links([['政府信息公开指南', '/zwgk/zn/'], ['政府信息公开年报', '/zwgk/nb/list.html']])}</div>`),
    '/zwgk/nb/list.html': zh('政府信息公开年报', `<h2>政府信息公开年报</h2>${links([[`${GOV}2024年政府信息公开工作年度报告`, '/zwgk/nb/24.html'], ['某某县2024年政务公开工作要点', '/zwgk/nb/yd.html'], [`${GOV}2023年政府信息公开工作年度报告`, '/zwgk/nb/23.html']])}`),
    '/zwgk/nb/24.html': report(`${GOV}2024年政府信息公开工作年度报告`),
    '/zwgk/nb/23.html': report(`${GOV}2023年政府信息公开工作年度报告`),
    '/zwgk/nb/yd.html': report('某某县2024年政务公开工作要点'),
  };
  const server = await startServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    return body ? send(res, body) : send(res, 'not found', 404);
  });
  try {
    const { catalog, summary } = await crawl(server.origin, '/ug/', GOV);
    try {
      assert.deepEqual(years(catalog), [2023, 2024]);
      const [seed] = summary.seeds;
      assert.equal(seed!.status, 'moved', seed!.reason ?? '');
      assert.match(seed!.reason ?? '', new RegExp(`read from ${server.origin}/zwgk/nb/list.html, found by exploring its host`));
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
  // Which pages are in another script, and which links name the Chinese version.
  assert.equal(inOtherScript('ལྷོ་ཁ་གྲོང་ཁྱེར། ལོ་འཁོར་སྙན་ཞུ། 汉文'), true);
  assert.equal(inOtherScript('某某县人民政府 首页 政务公开 ICP备12345678号 RSS'), false);
  for (const t of ['汉文', '中文', '中文版', '简体中文', '切换到汉文']) assert.equal(chineseVersionLink(t), true, t);
  for (const t of ['中文期刊', '政务公开', 'English']) assert.equal(chineseVersionLink(t), false, t);
});

test('a link titled with its year and of another kind (图解, a notice, 工作要点) is neither a column nor a way to one', () => {
  const U = 'http://gov.example/x/';
  for (const t of ['图解：某县2023年政府信息公开工作年度报告', '某市人民政府办公室关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', '某区2024年政务公开工作要点', '一图读懂2024年度政府信息公开工作年度报告']) {
    assert.equal(linkKind(t, U, false), null, t);
  }
  // Labels and collections stay what they were.
  for (const t of ['政府信息公开年报', '2024年度市直部门政府信息公开工作年度报告', '年度报告']) assert.equal(linkKind(t, U, false), 'column', t);
  for (const t of ['政务公开', '政府信息公开', '法定主动公开内容']) assert.equal(linkKind(t, U, false), 'nav', t);
});

test('a seed answering 404 whose reports are found by exploring is flagged moved only, not host_failed', { timeout: 120_000 }, async () => {
  const GOV = '某某区人民政府';
  const zh = (title: string, main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_${GOV}</title></head><body>${main}</body></html>`;
  // The old ASP address is gone (a bare 404); the root's menu names the column, whose latest box shows a 图解 too.
  const pages: Record<string, string> = {
    '/': zh('首页', `<div class="nav">${links([['首页', '/'], ['信息公开年报', '/xxgk/ndbg/']])}</div><div class="box"><h3>最新</h3>${links([['图解：某某区2024年政府信息公开工作年度报告', '/xxgk/tj/1.html']])}</div>`),
    '/xxgk/ndbg/': zh('信息公开年报', `<h2>信息公开年报</h2>${links([[`${GOV}2024年政府信息公开工作年度报告`, '/xxgk/ndbg/24.html'], [`${GOV}2022年政府信息公开工作年度报告`, '/xxgk/ndbg/22.html']])}`),
    '/xxgk/ndbg/24.html': report(`${GOV}2024年政府信息公开工作年度报告`),
    '/xxgk/ndbg/22.html': report(`${GOV}2022年政府信息公开工作年度报告`),
    '/xxgk/tj/1.html': zh('图解', `<h1>图解：某某区2024年政府信息公开工作年度报告</h1>${links([[`${GOV}2024年政府信息公开工作年度报告`, '/xxgk/ndbg/24.html']])}`),
  };
  const server = await startServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    return body ? send(res, body) : send(res, '<html><body>404 Not Found</body></html>', 404);
  });
  try {
    const { catalog, summary } = await crawl(server.origin, '/oldsite/list.asp?id=3', GOV);
    try {
      assert.deepEqual(years(catalog), [2022, 2024]);
      const [seed] = summary.seeds;
      assert.equal(seed!.status, 'moved', seed!.reason ?? '');
      assert.match(seed!.reason ?? '', new RegExp(`^its page answered HTTP 404; its reports were read from ${server.origin}/xxgk/ndbg/, found by exploring`));
      assert.doesNotMatch(seed!.reason ?? '', /tj\/1\.html/);
      const [health] = catalog.seedHealth.health();
      assert.deepEqual(health!.flags, ['moved']);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
