/**
 * Round 38b's fixes (docs/blind-portals.md, "Round 38b: script-drawn portals (内蒙古, 宁夏)"), on hand-made input of
 * other shapes than the round's portals:
 * - a name relative to an autonomous region, prefecture or county ("自治区民族事务委员会" on a 新疆 site) is read in
 *   the site's region, as 省/市/县… are (before: the site's name was put before the whole, "新疆维吾尔自治区自治区…");
 * - a title naming a bureau by its county alone while its page signs it with its city too names the signed body
 *   (before: catalogued as written, "昆都仑区卫生健康委员会" beside the "包头市…" every page signs);
 * - a cursor carried inside a field holding JSON (GraphQL over GET: `variables={"after":…}`) or nested in a JSON body
 *   (`{"variables":{"page":{"after":…}}}`) is learned and followed (before: only flat parameters were compared, no
 *   cursor learned, and the list read to its first answer).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteName } from '../../src/crawl/attribution.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { withParam, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { spelledOutByPublisher } from '../../src/crawl/short-agency-name.ts';

test('a name relative to an autonomous region, prefecture or county is read in the site\'s region; nowhere else', () => {
  assert.equal(absoluteName('自治区民族事务委员会', '650000'), '新疆维吾尔自治区民族事务委员会');
  // On a city's site of the region, 自治区 is still the region.
  assert.equal(absoluteName('自治区生态环境厅', '450100'), '广西壮族自治区生态环境厅');
  // 自治州 on a county-level city's site of that prefecture; 自治县 on the county's.
  assert.equal(absoluteName('自治州生态环境局', '532301'), '楚雄彝族自治州生态环境局');
  assert.equal(absoluteName('自治县林业局', '500243'), '彭水苗族土家族自治县林业局');
  // No such region around the site: nobody we can tell (not "河南省自治区…").
  assert.equal(absoluteName('自治区水利厅', '410000'), null);
  assert.equal(absoluteName('自治县教育局', '410102'), null);
  // The other relative prefixes as before.
  assert.equal(absoluteName('市统计局', '410100'), '郑州市统计局');
  assert.equal(absoluteName('区教育局', '150302'), '海勃湾区教育局');
});

test('a title naming a bureau by its county alone, signed by the page with its city too, names the signed body', () => {
  assert.equal(spelledOutByPublisher('昆都仑区卫生健康委员会', '包头市昆都仑区卫生健康委员会', '150203'), '包头市昆都仑区卫生健康委员会');
  assert.equal(spelledOutByPublisher('青铜峡市农业农村局', '吴忠市青铜峡市农业农村局', '640381'), '吴忠市青铜峡市农业农村局');
  // Another body, another region, or the same name: as written.
  assert.equal(spelledOutByPublisher('昆都仑区教育局', '包头市昆都仑区人民政府办公室', '150203'), '昆都仑区教育局');
  assert.equal(spelledOutByPublisher('昆都仑区教育局', '包头市青山区教育局', '150203'), '昆都仑区教育局');
  assert.equal(spelledOutByPublisher('包头市教育局', '包头市教育局', '150200'), '包头市教育局');
});

const PAGE = 'http://gov.test/gk/nb/index.html';
const titles = ['某旗2024年政府信息公开工作年度报告', '某旗2024年统计公报', '某旗2023年政府信息公开工作年度报告', '某旗2023年度决算', '某旗2022年政府信息公开工作年度报告', '某旗2025年工作要点'];
const exchange = (req: CapturedRequest, responseBody: string): Exchange => ({ ...req, status: 200, responseType: 'application/json', responseBody });

test('a cursor nested in a POSTed GraphQL body is learned from two requests and carried on', () => {
  const API = 'http://gov.test/api/graphql';
  const body = (after: string | null) => JSON.stringify({ operationName: 'Docs', query: 'query Docs($filter: F, $page: P) { search(filter: $filter, page: $page) { nodes { title url date } pageInfo { endCursor hasNextPage } } }', variables: { filter: { channel: 'nb' }, page: { size: 3, after } } });
  const post = (after: string | null): CapturedRequest => ({ method: 'POST', url: API, body: body(after), contentType: 'application/json' });
  const answer = (from: number) =>
    JSON.stringify({ data: { search: { nodes: titles.slice(from, from + 3).map((title, i) => ({ title, url: `/gk/nb/${from + i}.html`, date: '2025-01-20' })), pageInfo: { endCursor: `Y3Vyc29yOj${from + 3}`, hasNextPage: from === 0 } } } });
  const learned = learnListEndpoint([exchange(post(null), answer(0)), exchange(post('Y3Vyc29yOj3'), answer(3))], PAGE)!;
  assert.ok(learned.endpoint.cursor, 'a cursor is learned');
  assert.equal(learned.endpoint.cursor.in, 'json');
  assert.equal(learned.endpoint.cursor.name, 'variables.page.after');
  assert.equal(learned.endpoint.page, null, 'not paged by a number (the size is no offset)');
  const next = withParam(learned.endpoint.request, learned.endpoint.cursor.in, learned.endpoint.cursor.name, 'Y3Vyc29yOj3', learned.endpoint.cursor.inner);
  assert.deepEqual(JSON.parse(next.body!).variables, { filter: { channel: 'nb' }, page: { size: 3, after: 'Y3Vyc29yOj3' } });
});

test('a cursor inside a query field holding JSON is learned, the first page found even when asked second', () => {
  const API = 'http://gov.test/api/docs';
  const get = (after?: string): CapturedRequest => ({ method: 'GET', url: `${API}?op=list&vars=${encodeURIComponent(JSON.stringify({ col: 'nb', limit: 2, ...(after ? { searchAfter: after } : {}) }))}&_=${after ? 2 : 1}`, body: null, contentType: null });
  const answer = (from: number) => JSON.stringify({ total: 6, hits: titles.slice(from, from + 2).map((title, i) => ({ title, link: `/gk/nb/${from + i}.html`, sort: `k_${from + i}` })), searchAfter: `k_${from + 1}` });
  // The feed asked its second batch before the traffic was read; the second answer holds as many reports.
  const learned = learnListEndpoint([exchange(get('k_1'), answer(2)), exchange(get(), answer(0))], PAGE)!;
  assert.deepEqual(learned.endpoint.cursor && { in: learned.endpoint.cursor.in, name: learned.endpoint.cursor.name, inner: learned.endpoint.cursor.inner }, { in: 'query', name: 'vars', inner: 'searchAfter' });
  assert.ok(!new URL(learned.endpoint.request.url).searchParams.get('vars')!.includes('searchAfter'), 'the first page is the request without a cursor');
  const next = withParam(learned.endpoint.request, 'query', 'vars', 'k_3', 'searchAfter');
  assert.deepEqual(JSON.parse(new URL(next.url).searchParams.get('vars')!), { col: 'nb', limit: 2, searchAfter: 'k_3' });
});
