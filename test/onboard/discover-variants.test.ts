/**
 * discover on a city portal of the per-department kind: the 政府信息公开年报 menu lists departments (市政府, 市教育局,
 * 市财政局), each with its own column; another column's menu label names its department ("市卫生健康委员会政府信息
 * 公开年报"); the education bureau also has its own site. Every department becomes one agency with the region of the
 * city (names completed with it), the bureau found twice is one agency with both entries, and what the registry
 * already lists is not proposed again. Bounds (--depth, --max-pages) hold.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { discover } from '../../src/onboard/discover.ts';
import { seedsYamlOf } from '../../src/onboard/seeds-yaml.ts';
import { parseSeedsText } from '../../src/registry/seeds-file.ts';
import { chrome } from '../fixtures/portal/sites/trs.ts';
import { send, startServer } from '../helpers/http-server.ts';

type Link = [string, string];
const menu = (links: Link[]) => `<ul class="menu">${links.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('')}</ul>`;
const list = (rows: [string, string, string][]) =>
  `<div class="list-title">政府信息公开年报</div><ul class="list">${rows.map(([t, h, d]) => `<li><a href="${h}" title="${t}">${t}</a><span>${d}</span></li>`).join('')}</ul>`;

/** A page's main part, and its breadcrumb when it is not just 政务公开. */
type Page = string | [main: string, crumbs: string[]];

function site(siteName: string, pages: Record<string, Page>) {
  return (res: ServerResponse, p: string) => {
    if (p === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /admin/\n');
    const page = pages[p];
    if (page === undefined) return send(res, 404, 'text/html; charset=utf-8', '<html><body>404</body></html>');
    const [main, crumbs] = typeof page === 'string' ? [page, ['政务公开']] : page;
    send(res, 200, 'text/html; charset=utf-8', chrome(siteName, crumbs, main));
  };
}

const GOV = site('开封市人民政府', {
  '/': `<div class="news">${menu([['市政府常务会议召开', '/zwdt/1.html']])}</div>`,
  '/zwgk/': menu([
    ['政府信息公开指南', '/zwgk/zn/'],
    ['政府信息公开年报', '/zwgk/nb/'],
    ['市卫生健康委员会政府信息公开年报', '/zwgk/wjw/nb/'],
    ['部门信息公开', '/zwgk/bm/'],
  ]),
  '/zwgk/bm/': menu([['市统计局', '/zwgk/bm/tjj/']]),
  '/zwgk/bm/tjj/': menu([['机构职能', '/zwgk/bm/tjj/jgzn/'], ['年报', '/zwgk/bm/tjj/nb/']]),
  // The department's column lists its reports without its name; only the breadcrumb says whose they are.
  '/zwgk/bm/tjj/nb/': [
    list([
      ['2023年政府信息公开工作年度报告', '/zwgk/bm/tjj/nb/t1.html', '2024-01-19'],
      ['2023年统计年报', '/zwgk/bm/tjj/nb/t2.html', '2024-03-01'],
    ]),
    ['政务公开', '部门信息公开', '市统计局', '年报'],
  ],
  '/zwgk/nb/': menu([
    ['市政府', '/zwgk/nb/szf/'],
    ['市教育局', '/zwgk/nb/jyj/'],
    ['市财政局', '/zwgk/nb/czj/'],
  ]),
  '/zwgk/nb/szf/': list([
    ['开封市人民政府2023年政府信息公开工作年度报告', '/zwgk/nb/szf/t1.html', '2024-03-20'],
    ['开封市人民政府2022年政府信息公开工作年度报告', '/zwgk/nb/szf/t2.html', '2023-03-21'],
  ]),
  '/zwgk/nb/jyj/': list([['开封市教育局2023年政府信息公开工作年度报告', '/zwgk/nb/jyj/t1.html', '2024-01-22']]),
  '/zwgk/nb/czj/': list([
    ['开封市财政局2023年政府信息公开工作年度报告', '/zwgk/nb/czj/t1.html', '2024-01-25'],
    ['开封市财政局2023年部门决算', '/zwgk/nb/czj/t2.html', '2024-01-10'],
  ]),
  '/zwgk/wjw/nb/': list([['开封市卫生健康委员会2023年政府信息公开工作年度报告', '/zwgk/wjw/nb/t1.html', '2024-01-30']]),
});

const EDU = site('开封市教育局', {
  '/': `<div class="ztzl">${menu([['政府信息公开年报', '/xxgk/nb/']])}</div>`,
  '/xxgk/nb/': list([
    ['开封市教育局2023年政府信息公开工作年度报告', '/xxgk/nb/t1.html', '2024-01-22'],
    ['开封市教育局2022年政府信息公开工作年度报告', '/xxgk/nb/t2.html', '2023-01-20'],
  ]),
});

const gov = await startServer((req, res) => GOV(res, new URL(req.url ?? '/', 'http://x').pathname));
const edu = await startServer((req, res) => EDU(res, new URL(req.url ?? '/', 'http://x').pathname));
const config = loadConfig({ politeness: { hostDelayMs: 20, backoffBaseMs: 20 } }, {});
const base = { depth: 4, maxPages: 40, samplePages: 2, browser: false, known: [] };

test('per-department columns: one agency each, named with the city, the bureau found twice is one agency', async () => {
  const { proposals } = await discover([`${gov.origin}/`, `${edu.origin}/`], config, base);
  const byName = new Map(proposals.map((a) => [a.name, a]));
  assert.deepEqual([...byName.keys()].sort(), ['开封市人民政府', '开封市卫生健康委员会', '开封市教育局', '开封市统计局', '开封市财政局'].sort());
  assert.match(byName.get('开封市统计局')!.nameFrom, /breadcrumb \(政务公开 > 部门信息公开 > 市统计局 > 年报\)/);
  for (const a of proposals) assert.equal(a.division, '410200', a.name);
  assert.deepEqual(byName.get('开封市教育局')!.entries.map((e) => e.url).sort(), [`${edu.origin}/xxgk/nb/`, `${gov.origin}/zwgk/nb/jyj/`].sort());
  assert.deepEqual(byName.get('开封市人民政府')!.entries.map((e) => e.url), [`${gov.origin}/zwgk/nb/szf/`]);
  assert.match(byName.get('开封市卫生健康委员会')!.nameFrom, /menu entry "市卫生健康委员会政府信息公开年报"/);
  // The YAML is a seeds file as it is.
  const parsed = parseSeedsText(seedsYamlOf(proposals), 'found.yaml');
  assert.equal(parsed.length, 5);
  assert.deepEqual(parsed.find((a) => a.name === '开封市财政局')!.entries.map((e) => [e.family, e.render]), [['generic', 'auto']]);
});

test('nothing already in the registry is repeated; a known agency gets its new entries as a comment', async () => {
  const known = parseSeedsText(
    `agencies:
  - name: 开封市财政局
    division: "410200"
    entries:
      - url: ${gov.origin}/zwgk/nb/czj/index.html
  - name: 开封市人民政府
    division: "410200"
    entries:
      - url: ${gov.origin}/zwgk/zfxxgknb/
`,
    'registry.yaml',
  );
  const { proposals } = await discover([`${gov.origin}/`], config, { ...base, known });
  assert.ok(!proposals.some((a) => a.name === '开封市财政局'), 'a registry entry (under its index.html name) was proposed again');
  const yaml = seedsYamlOf(proposals);
  const fresh = parseSeedsText(yaml, 'found.yaml').map((a) => a.name);
  assert.ok(!fresh.includes('开封市人民政府'));
  assert.match(yaml, /# Already in the registry as 开封市人民政府: add these entries/);
  assert.match(yaml, new RegExp(`#      - url: "${gov.origin}/zwgk/nb/szf/"`));
});

test('bounds: --depth stops before the columns, --max-pages stops with a note', async () => {
  const shallow = await discover([`${gov.origin}/`], config, { ...base, depth: 1 });
  assert.equal(shallow.proposals.length, 0);
  const short = await discover([`${gov.origin}/`], config, { ...base, maxPages: 2 });
  assert.equal(short.portals[0]!.pagesRead, 2);
  assert.match(short.portals[0]!.notes.join('\n'), /stopped at --max-pages 2/);
});

test('a portal behind an anti-bot challenge, without a browser: left out with a note saying why, marked unreachable', async () => {
  const walled = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, 404, 'text/plain', '');
    send(res, 412, 'text/html; charset=utf-8', '<html><head><script>document.cookie="x=1";location.reload()</script></head><body></body></html>');
  });
  const r = await discover([`${walled.origin}/`], config, { ...base, browser: false });
  assert.equal(r.proposals.length, 0);
  assert.equal(r.portals[0]!.reachable, false);
  assert.match(r.portals[0]!.notes[0]!, /anti-bot challenge, and no browser/);
});

test('a per-year menu in a sidebar (bare years under a 政府信息公开年报 heading) leads to one entry per year column', async () => {
  const NR = '开封市自然资源和规划局';
  const sidebar = `<h3 class="side"><em></em><div>政府信息<br>公开年报</div></h3>
<ul id="nb_list"><li><span>·</span><a href="/xxgk/c2024/list.shtml">2024</a></li><li><span>·</span><a href="/xxgk/c2023/list.shtml">2023</a></li></ul>`;
  const pages: Record<string, Page> = {
    '/': `<div class="news">${menu([['信息公开', '/xxgk/list.shtml']])}</div>`,
    '/xxgk/list.shtml': [
      `<div class="side-menu">${sidebar}</div>${list([['关于开展2024年国土空间规划宣传周活动的通知', '/xxgk/202405/t1.shtml', '2024-05-10']])}`,
      ['信息公开', '文件通知'],
    ],
    '/xxgk/c2024/list.shtml': list([[`${NR}2023年政府信息公开工作年度报告`, '/xxgk/c2024/t1.shtml', '2024-01-26']]),
    '/xxgk/c2023/list.shtml': list([[`${NR}2022年政府信息公开工作年度报告`, '/xxgk/c2023/t1.shtml', '2023-01-30']]),
  };
  const handler = site(NR, pages);
  const srv = await startServer((req, res) => handler(res, new URL(req.url ?? '/', 'http://x').pathname));
  const { proposals } = await discover([`${srv.origin}/`], config, base);
  assert.deepEqual(
    proposals.map((a) => [a.name, a.entries.map((e) => e.url).sort()]),
    [[NR, [`${srv.origin}/xxgk/c2023/list.shtml`, `${srv.origin}/xxgk/c2024/list.shtml`]]],
  );
});
