/**
 * Round 69's changes (docs/blind-portals.md, round 69); the blind portals themselves are crawled whole by the blind
 * parts. First, round 68a's delingha: a column of the units' reports listing nothing until a 拼音首字母 bar's letter is
 * chosen (`bmnb.jsp?zm=J`): every letter's page is a list page of the column, and a unit's heading carrying its
 * initial (`<span>G</span>尕海镇`) names the unit without the letter. Round 68c's xiuwu: an old column's address
 * answering 200 "该栏目已迁移" is read through, and its seed said `moved` with the column its reports were listed on.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { namesCompilation } from '../../src/crawl/collection.ts';
import { idLinkDictionary } from '../../src/crawl/learn/id-links.ts';
import type { Exchange } from '../../src/crawl/learn/learn.ts';
import { readList, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { DEFAULTS } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { listElsewhereLinks, reportPointerLinks, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { spelledOutByPublisher } from '../../src/crawl/short-agency-name.ts';
import { headingAgency } from '../../src/crawl/heading-agency.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { movedNotice } from '../../src/crawl/moved-notice.ts';
import { xiuwuMovedPortal } from '../fixtures/portal/sites/blind/round68c.ts';
import { crawlAsUser } from './blind-crawl.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';

const LETTERS = [...'ABCDEFGHJKLMNPQRSTWXYZ'];
const COLUMN = 'http://gov.test/xxgk/zfxxgknb/bmnb.jsp';
const units = (bar: string, title = '部门及乡镇年报') =>
  page('德令哈市人民政府', title, `<div class="r-tit"><span>${title}</span></div>${bar}<p class="zm-tip">请点击上方字母查看各单位年报。</p>`);

test("a 拼音首字母 bar's letters on a column of the units' reports are its list pages, wherever the letter goes", () => {
  const queries = `<div class="zm-bar">按单位名称首字母检索：${LETTERS.map((l) => `<a href="?zm=${l}">${l}</a>`).join(' ')}</div>`;
  assert.deepEqual(subColumnLinks(units(queries), COLUMN), LETTERS.map((l) => `${COLUMN}?zm=${l}`));
  // On a letter's own page, the other letters (its own is this page).
  const onJ = subColumnLinks(units(queries), `${COLUMN}?zm=J`);
  assert.equal(onJ.length, LETTERS.length - 1);
  assert.ok(!onJ.includes(`${COLUMN}?zm=J`));
  // Each letter in its `<li>`, each letter's page a folder of its own, lower-case letters.
  const folders = `<ul class="letters">${LETTERS.map((l) => `<li><a href="/xxgk/bmnb/${l.toLowerCase()}/index.html">${l.toLowerCase()}</a></li>`).join('')}</ul>`;
  assert.deepEqual(subColumnLinks(units(folders), COLUMN), LETTERS.map((l) => `http://gov.test/xxgk/bmnb/${l.toLowerCase()}/index.html`));
});

test('letters that are no index of the units are not followed', () => {
  // A page about something else: its letter bar (a site's A–Z directory of services) is not the column's.
  const bar = `<div class="az">${LETTERS.map((l) => `<a href="/fw/?zm=${l}">${l}</a>`).join(' ')}</div>`;
  assert.deepEqual(subColumnLinks(units(bar, '办事指南'), COLUMN), []);
  // Five letters (categories A–E) are no index of names.
  const few = `<div class="lb">${LETTERS.slice(0, 5).map((l) => `<a href="?lb=${l}">${l}</a>`).join(' ')}</div>`;
  assert.deepEqual(subColumnLinks(units(few), COLUMN), []);
  // Letters drawn by a script (javascript: links, or all to one placeholder address) lead nowhere to read.
  const scripted = `<div class="zm-bar">${LETTERS.map((l) => `<a href="javascript:search('${l}')">${l}</a>`).join(' ')}</div>`;
  assert.deepEqual(subColumnLinks(units(scripted), COLUMN), []);
  const placeholder = `<div class="zm-bar">${LETTERS.map((l) => `<a href="bmnb.jsp" onclick="return zm('${l}')">${l}</a>`).join(' ')}</div>`;
  assert.deepEqual(subColumnLinks(units(placeholder), 'http://gov.test/xxgk/zfxxgknb/index.shtml'), []);
});

test("a unit's heading carrying its initial names the unit without the letter", () => {
  const $ = loadHtml(`<div class="dw-block"><div class="dw-name"><span class="zm">G</span>尕海镇</div>
<ul class="nb-list"><li><a href="/uploadfiles/2025/01/1.pdf">政府信息公开工作年度报告（2024年度）</a></li></ul></div>`);
  assert.equal(headingAgency($, $('li').first()), '尕海镇');
});

test('a page saying its column moved is told by the notice, not by the word 迁移 anywhere', () => {
  const notice = (body: string) => page('修武县人民政府', '政府信息公开年报', body);
  assert.equal(movedNotice(notice('<h2>该栏目已迁移</h2><p>请<a href="/zfxxgk/">点击这里</a>。</p>')), '该栏目已迁移');
  assert.equal(movedNotice(notice('<p>本栏目地址已变更，<a href="/xxgk/nb/">点击进入</a></p>')), '本栏目地址已变更，点击进入');
  assert.equal(movedNotice(notice('<div class="tip">温馨提示：网站已改版，请及时更新您的收藏夹。</div>')), '温馨提示：网站已改版，请及时更新您的收藏夹。');
  // A service menu's 户口迁移, a frozen column's 停止更新, a script's words: no notice.
  assert.equal(movedNotice(notice('<ul class="fw"><li><a href="/bs/1">户口迁移</a></li><li><a href="/bs/2">企业迁移登记</a></li></ul>')), null);
  assert.equal(movedNotice(notice('<p>本平台已于2022年1月停止更新，2022年以后的年度报告请访问新版专栏。</p>')), null);
  assert.equal(movedNotice(notice('<script>var msg = "栏目已迁移";</script><p>政府信息公开年报</p>')), null);
});

test("an old column's address answering a moved notice is read through and its seed said moved, naming the column", { timeout: 120_000 }, async () => {
  const run = await crawlAsUser([xiuwuMovedPortal()]);
  try {
    const seed = run.seeds[0]!;
    assert.deepEqual(seed.flags, ['moved']);
    assert.equal(run.found.get(xiuwuMovedPortal().id)?.length, 7);
    const origin = run.portal.urls[xiuwuMovedPortal().id]!;
    assert.match(seed.last.reason ?? '', new RegExp(`says the column moved \\("该栏目已迁移"\\); its reports were read from ${origin.replace(/\./g, '\\.')}/zfxxgk/ndbg/index\\.html, `));
  } finally {
    await run.portal.close();
  }
});

test("a table of how the units' reports were published (…年度报告发布情况汇总表) is read as an index of them; a table of figures is not", () => {
  assert.ok(namesCompilation('隆林各族自治县2024年度县直部门和乡镇政府信息公开工作年度报告发布情况汇总表'));
  assert.ok(namesCompilation('2023年度各单位政府信息公开年报公开情况一览表'));
  assert.ok(namesCompilation('2019—2022年度政府信息公开工作年度报告汇编'));
  assert.ok(!namesCompilation('2024年度政府信息公开工作年度报告汇总表'));
  assert.ok(!namesCompilation('2024年度政府信息公开工作年度报告统计数据汇总表'));
});

test("a guide's sentence naming the reports' column with its link inside the sentence leads there", () => {
  const guide = page(
    '芷江侗族自治县教育局',
    '芷江侗族自治县教育局政府信息公开指南',
    `<p>三、政府信息公开年度报告</p><p>本机关每年1月31日前公布上一年度政府信息公开工作年度报告。年度报告在本网站本机关信息公开专栏“政府信息公开年报”栏目（<a href="/zhijiang/c112409/list.shtml">点击进入</a>）发布，公众可在线查阅或下载。</p>`,
  );
  assert.deepEqual(reportPointerLinks(guide, 'http://gov.test/zhijiang/c112406/202303/abc.shtml'), ['http://gov.test/zhijiang/c112409/list.shtml']);
  // A 点击进入 in a sentence about something else leads nowhere of the reports'.
  const other = page('芷江侗族自治县教育局', '指南', `<p>依申请公开的办理流程在“依申请公开”栏目（<a href="/zhijiang/ysq/">点击进入</a>）发布。</p>`);
  assert.deepEqual(reportPointerLinks(other, 'http://gov.test/zhijiang/c112406/202303/abc.shtml'), []);
});

test("a 目录 tree's column named by whose reports it holds (县政府年报) is read beside its units' columns", () => {
  const tree = page(
    '桓仁满族自治县人民政府',
    '政府信息公开目录',
    `<div class="dtree"><div class="clip"><a href="list.jsp?catid=36">政府网站工作年度报表</a></div><div class="clip"><a href="list.jsp?catid=41">县政府年报</a><a href="list.jsp?catid=42">县直部门年报</a><a href="list.jsp?catid=43">乡镇年报</a></div></div>`,
  );
  assert.ok(listElsewhereLinks(tree, 'http://gov.test/xxgk/index.jsp', []).includes('http://gov.test/xxgk/list.jsp?catid=41'));
});

test("a town named short in a title is the town's government its page signs (雅河乡 for 雅河朝鲜族乡人民政府)", () => {
  assert.equal(spelledOutByPublisher('雅河乡', '桓仁满族自治县雅河朝鲜族乡人民政府', '210522'), '桓仁满族自治县雅河朝鲜族乡人民政府');
  assert.equal(spelledOutByPublisher('桓仁满族自治县雅河乡人民政府', '桓仁满族自治县雅河朝鲜族乡人民政府', '210522'), '桓仁满族自治县雅河朝鲜族乡人民政府');
  // Another town of the county is not the publisher's.
  assert.equal(spelledOutByPublisher('八里甸子镇', '桓仁满族自治县雅河朝鲜族乡人民政府', '210522'), '八里甸子镇');
});

test("an answer re-chunked with padded chunk sizes and a second Content-Type (a load balancer) is read as a browser reads it", async () => {
  const html = Buffer.from('<html><head><title>城固县政府信息公开年报</title></head><body>2024年政府信息公开工作年度报告</body></html>');
  const half = html.length >> 1;
  const size = (n: number) => n.toString(16).padEnd(6, ' ');
  let connections = 0;
  const server = net.createServer((s) => {
    connections += 1;
    s.once('data', () =>
      s.end(
        Buffer.concat([
          Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=GBK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n'),
          Buffer.from(`${size(half)}\r\n`), html.subarray(0, half), Buffer.from(`\r\n${size(html.length - half)}\r\n`), html.subarray(half),
          Buffer.from(`\r\n${size(0)}\r\nX-Trailer: 1\r\n\r\n`),
        ]),
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const f = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0, maxRetries: 2 }, new Scope([host]));
    const got = await f.request({ url: `http://${host}/cgzf/zfxxgk/zfxxgknb/`, purpose: 'page' }, async (res) => ({
      type: String(res.headers['content-type']),
      bytes: await readBody(res.body, 1 << 20, res.url),
    }));
    assert.equal(got.type, 'text/html; charset=utf-8');
    assert.deepEqual(got.bytes, html);
    // The strict read failed once; the retry, and every later answer of the host, is read leniently.
    assert.equal(connections, 2);
  } finally {
    server.close();
  }
});

test("an id → address dictionary the clicks fetched gives each item's address before the template", () => {
  const page = 'http://gov.test/zwgk/list.jsp?chnlid=2318';
  const answer = (body: unknown, url = 'http://gov.test/zwgk/ajax/docUrls.do?chnlid=2318'): Exchange =>
    ({ method: 'GET', url, status: 200, responseType: 'text/html; charset=GBK', responseBody: JSON.stringify(body) }) as Exchange;
  const map = { '31885': '/zwgk/system/2025/01/21/031885.shtml', '31063': '/zwgk/system/2024/01/26/031063.shtml', '29526': '/uploadfiles/2022/01/25/1.pdf', __proto__x: '/a/b.html' };
  const clicked = [
    { text: '虎林市人民政府2024年政府信息公开工作年度报告', url: 'http://gov.test/zwgk/system/2025/01/21/031885.shtml' },
    { text: '虎林市2023年度政府信息公开工作年度报告', url: 'http://gov.test/zwgk/system/2024/01/26/031063.shtml' },
  ];
  const dictionary = idLinkDictionary([answer({ result: 'ok', total: 13 }), answer(map)], clicked, page);
  assert.equal(dictionary?.['29526'], 'http://gov.test/uploadfiles/2022/01/25/1.pdf');
  // A record holding a link or two is no dictionary; nor one whose addresses are not where the clicks went.
  assert.equal(idLinkDictionary([answer({ id: '31885', url: '/zwgk/system/2025/01/21/031885.shtml', title: '年报', count: 3 })], clicked, page), null);
  assert.equal(idLinkDictionary([answer({ '1': '/x/1.html', '2': '/x/2.html' })], clicked, page), null);
  // A list read with the learned template takes the dictionary's address first; ids it lacks keep the template's.
  const shape: JsonItemShape = { kind: 'json', arrayPath: ['rows'], title: ['title'], url: ['docid'], date: ['time'], urlTemplate: 'http://gov.test/zwgk/system/{date:yyyy/mm/dd}/0{id}.shtml', urlDate: ['time'], urlById: dictionary! };
  const rows = { rows: [{ docid: '29526', title: '2021年虎林市政府信息公开工作年度报告', time: '2022-01-25' }, { docid: '28102', title: '虎林市政府信息公开工作2019年度报告', time: '2020-01-20' }, { docid: 'constructor', title: '虎林市政府信息公开工作2018年度报告', time: '2019-01-20' }] };
  assert.deepEqual(readList(JSON.stringify(rows), 'http://gov.test/zwgk/ajax/docList.do', page, shape).map((i) => i.url), [
    'http://gov.test/uploadfiles/2022/01/25/1.pdf',
    'http://gov.test/zwgk/system/2020/01/20/028102.shtml',
    'http://gov.test/zwgk/system/2019/01/20/0constructor.shtml',
  ]);
});
