/**
 * Open misses of rounds 92-93 fixed before rounds 94-95 (docs/blind-portals.md):
 * 1. a list whose rows carry no year, linked by the page's template with the year its request asked
 *    (`gknbxq.html?id={{id}}&nf={{nf}}` beside a POSTed `{"nf":"2024",…}`, round 93b): learned from the first year's
 *    answer, every other year's rows were linked with `nf=2024`, answering 参数错误; a template's query value written
 *    by an item field of its name is a slot too;
 * 2. a dynamic page asked with parameters it knows no record for ("参数错误，未找到相关年报信息。") holds nothing;
 * 3. (test/crawl/gone-files.test.ts) a file link written relative to the root without the slash, resolved against its
 *    page and gone, is read at the root and said (round 92b).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findJsonList, itemsByShape, readList, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { shapeForRequest } from '../../src/crawl/learn/template-params.ts';
import { rootAddress } from '../../src/crawl/root-file.ts';

const PAGE = 'http://gov.test/zfxxgknb/index.html';
const rows = (nf: string, titles: [string, string][]) => ({ code: 0, data: { total: titles.length, list: titles.map(([id, bt]) => ({ id, jgmc: '某区教育委员会', bt, fbrq: `${Number(nf) + 1}-01-20` })) } });
const answer = (nf: string, titles: [string, string][]): Exchange => ({
  method: 'POST',
  url: 'http://gov.test/gknbapi/list',
  body: JSON.stringify({ nf, jglb: '', pageNo: 1, pageSize: 5 }),
  contentType: 'application/json;charset=UTF-8',
  status: 200,
  responseType: 'application/json',
  responseBody: JSON.stringify(rows(nf, titles)),
});

test("a link template's query value the list's request gives is a slot: each year's rows linked with their year", () => {
  const first = answer('2024', [['a1', '2024年政府信息公开工作年度报告'], ['a2', '某区2024年度政府信息公开工作年度报告']]);
  const drawn = `<table><tr><td><a href="gknbxq.html?id=a1&amp;nf=2024">2024年政府信息公开工作年度报告</a></td></tr><tr><td><a href="gknbxq.html?id=a2&amp;nf=2024">某区2024年度政府信息公开工作年度报告</a></td></tr></table>`;
  const learned = learnListEndpoint([first], PAGE, [], `<html><body>${drawn}</body></html>`);
  assert.ok(learned);
  const shape = learned.endpoint.shape as JsonItemShape;
  assert.equal(shape.urlTemplate, 'http://gov.test/zfxxgknb/gknbxq.html?id={id}&nf={param:nf}');
  assert.deepEqual(learned.items.map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=a1&nf=2024', 'http://gov.test/zfxxgknb/gknbxq.html?id=a2&nf=2024']);
  // Another year's answer, read for the request that asked it (a year tab's replay), links its rows with its year.
  const other = answer('2023', [['b1', '二〇二三年度政府信息公开工作年度报告']]);
  assert.deepEqual(readList(other.responseBody, other.url, PAGE, shapeForRequest(shape, other)).map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=b1&nf=2023']);
  // Read with no request of its own, the learned request's value stands.
  assert.deepEqual(readList(other.responseBody, other.url, PAGE, shape).map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=b1&nf=2024']);
  // A value the request does not send stays written as it is (a site code in every link).
  const coded = learnListEndpoint([first], PAGE, [], `<html><body>${drawn.replace(/nf=2024/g, 'site=bj')}</body></html>`);
  assert.equal((coded!.endpoint.shape as JsonItemShape).urlTemplate, 'http://gov.test/zfxxgknb/gknbxq.html?id={id}&site=bj');
});

test("a link template's query value written by an item field of the same name is a slot: items of another value keep theirs", () => {
  const json = { list: [{ id: 'a1', nf: '2024', bt: '某区2024年政府信息公开工作年度报告' }, { id: 'a2', nf: '2024', bt: '某镇2024年政府信息公开工作年度报告' }] };
  const links = json.list.map((o) => ({ text: o.bt, url: `http://gov.test/x/show.html?id=${o.id}&nf=2024` }));
  const found = findJsonList(json, PAGE, links);
  assert.ok(found && found.shape.kind === 'json');
  assert.equal(found.shape.urlTemplate, 'http://gov.test/x/show.html?id={id}&nf={field:nf}');
  const later: { list: Record<string, string>[] } = { list: [{ id: 'c3', nf: '2022', bt: '某区2022年政府信息公开工作年度报告' }, { id: 'c4', bt: '某区2021年政府信息公开工作年度报告' }] };
  // An item without the field has no address the template can build: not read rather than guessed.
  assert.deepEqual(itemsByShape(later, found.shape, PAGE)!.map((i) => i.url), ['http://gov.test/x/show.html?id=c3&nf=2022']);
});

test('a dynamic page answering 参数错误 for a record it does not know holds nothing (a soft 404)', () => {
  const html = `<html><head><title>政府信息公开年报_某区人民政府</title></head><body><div class="nav"><a href="/">首页</a></div><div class="nb-err"><p>参数错误，未找到相关年报信息。</p><p><a href="index.html">返回政府信息公开年报</a></p></div></body></html>`;
  assert.equal(parseDetailPage(html, 'http://gov.test/gknbxq.html?id=x&nf=2024').softNotFound, true);
  const report = `<html><head><title>某区2024年政府信息公开工作年度报告</title></head><body><h1>某区2024年政府信息公开工作年度报告</h1><div id="mainText"><p>本年度收到申请12件，其中未找到相关记录的3件，已告知申请人。</p></div></body></html>`;
  assert.equal(parseDetailPage(report, 'http://gov.test/a.html').softNotFound, false);
});

test("a file's root address: only for a file in its page's folder or below, and not at the root already", () => {
  const page = 'http://gov.test/jlx/c100988/2025/1/24/a.shtml';
  assert.equal(rootAddress('http://gov.test/jlx/c100988/2025/1/24/upload/jlx/P0.pdf?v=1', page), 'http://gov.test/upload/jlx/P0.pdf?v=1');
  assert.equal(rootAddress('http://gov.test/upload/jlx/P0.pdf', page), null, 'outside the page folder: written from the root or with ../');
  assert.equal(rootAddress('http://files.gov.test/jlx/c100988/2025/1/24/upload/P0.pdf', page), null, 'another host');
  assert.equal(rootAddress('http://gov.test/upload/P0.pdf', 'http://gov.test/index.html'), null, 'a page at the root: the same address');
});
