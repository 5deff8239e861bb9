/** Learning a list endpoint by shape: finding the list in unseen answers, the page parameter, the learned family. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLearnedList, learnedPageRequest } from '../../src/crawl/families/learned.ts';
import { parseJsApiList } from '../../src/crawl/families/jsapi.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findList, MalformedAnswerError } from '../../src/crawl/learn/list-shape.ts';
import { learnPageParam, requestForPage } from '../../src/crawl/learn/page-param.ts';

const PAGE = 'http://gov.test/col/col42150/index.html';

test('a list nested deep, with pinyin keys and unix-second dates, is found by shape', () => {
  const answer = JSON.stringify({
    s: 0,
    d: {
      n: 9,
      nav: [{ name: '首页', link: '/index.html' }],
      rows: [
        { bt: '某市审计局2023年政府信息公开工作年度报告', lj: '/sjj/nb/88.html', sj: 1705282200, ly: '某市审计局' },
        { bt: '某市审计局关于开展审计宣传周的通知', lj: '/sjj/nb/87.html', sj: 1699000000, ly: '某市审计局' },
        { bt: '某市审计局2022年政府信息公开工作年度报告', lj: '/sjj/nb/86.html', sj: 1674000000, ly: '某市审计局' },
      ],
    },
  });
  const found = findList(answer, 'http://gov.test/ds/q?k=1', PAGE)!;
  assert.deepEqual(found.shape, { kind: 'json', arrayPath: ['d', 'rows'], title: ['bt'], url: ['lj'], date: ['sj'] });
  assert.deepEqual(found.items[0], { title: '某市审计局2023年政府信息公开工作年度报告', url: 'http://gov.test/sjj/nb/88.html', date: '2024-01-15', isFile: false });
});

test('a URL inside a JSON-string field, relative links and an HTML body beside the title', () => {
  const answer = JSON.stringify({
    data: {
      results: [1, 2, 3].map((n) => ({
        source: {
          title: `某县人民政府202${n}年政府信息公开工作年度报告`,
          content: { content: `<p>某县人民政府202${n}年度报告正文</p>` },
          urls: JSON.stringify({ pc: `art/202${n}/art_${n}.html`, mobile: `/m/art_${n}.html` }),
          pubDate: `202${n + 1}-01-2${n} 10:00:00`,
        },
      })),
    },
  });
  const found = findList(answer, 'http://gov.test/queryList', PAGE)!;
  assert.equal(found.items.length, 3);
  assert.equal(found.items[1]!.url, 'http://gov.test/col/col42150/art/2022/art_2.html', 'resolved against the page, as the browser does');
  assert.equal(found.items[1]!.date, '2023-01-22');
  assert.equal(found.items[1]!.title, '某县人民政府2022年政府信息公开工作年度报告');
});

test('of two arrays, the one holding report titles wins over navigation', () => {
  const answer = JSON.stringify({
    menu: [
      { text: '政务公开栏目导航', href: '/zwgk/' },
      { text: '互动交流栏目导航', href: '/hdjl/' },
      { text: '办事服务栏目导航', href: '/bsfw/' },
      { text: '政务动态栏目导航', href: '/zwdt/' },
    ],
    list: [{ name: '某市教育局2023年政府信息公开工作年度报告', path: '/a/1.html' }],
  });
  const found = findList(answer, 'http://gov.test/api', PAGE)!;
  assert.deepEqual(found.items.map((i) => i.url), ['http://gov.test/a/1.html']);
});

test('HTML fragments and XML answers with CDATA records are read as list markup; text without links holds no list', () => {
  const xml = '<datastore><recordset><record><![CDATA[<li><a href="/art/1.html">某局2023年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore>';
  assert.equal(findList(xml, 'http://gov.test/proxy', PAGE)!.items[0]!.url, 'http://gov.test/art/1.html');
  const fragment = '<ul><li><div class="title"><a href="/c/2.html">某局2022年政府信息公开工作年度报告</a></div></li></ul>';
  assert.equal(findList(fragment, 'http://gov.test/search', PAGE)!.items.length, 1);
  assert.equal(findList('ok', 'http://gov.test/x', PAGE), null);
});

test('a malformed JSON answer is an error, never a page with no items', () => {
  assert.throws(() => findList('{"data":{"list":[{"title":"x"', 'http://gov.test/api', PAGE), MalformedAnswerError);
  const visit = { url: 'http://gov.test/api?page=1', loadedUrl: 'http://gov.test/api?page=1', status: 200, body: '{"data": [' };
  assert.throws(() => parseJsApiList(visit, undefined), MalformedAnswerError);
});

const req = (url: string, body: string | null = null, contentType: string | null = null) => ({ method: body ? 'POST' : 'GET', url, body, contentType });

test('page parameters by name: query, form body, JSON body; offsets step by the page size', () => {
  assert.deepEqual(learnPageParam(req('http://g.test/api?channel=9&pageIndex=1&pageSize=3'), null, 3), { in: 'query', name: 'pageIndex', first: 1, step: 1 });
  assert.deepEqual(learnPageParam(req('http://g.test/queryList', 'current=1&perPage=15&unitid=380055', 'application/x-www-form-urlencoded'), null, 15), {
    in: 'form',
    name: 'current',
    first: 1,
    step: 1,
  });
  assert.deepEqual(learnPageParam(req('http://g.test/search', '{"query":{"pageNo":1,"pageSize":20},"site":"7"}', 'application/json'), null, 20), {
    in: 'json',
    name: 'query.pageNo',
    first: 1,
    step: 1,
  });
  assert.deepEqual(learnPageParam(req('http://g.test/list?start=0&rows=20'), null, 20), { in: 'query', name: 'start', first: 0, step: 20 });
  assert.deepEqual(learnPageParam(req('http://g.test/data/list_1.json'), null, 10), { in: 'path', name: '0', first: 1, step: 1 });
  assert.equal(learnPageParam(req('http://g.test/all.json'), null, 10), null, 'a single static list has no paging');
});

test('the number that changes between two captured pages wins over names; a timestamp is not a page', () => {
  const first = req('http://g.test/ds/q?k=1&c=nb&v=3&_=1796079235678');
  const second = req('http://g.test/ds/q?k=2&c=nb&v=3&_=1796079239999');
  assert.deepEqual(learnPageParam(first, second, 3), { in: 'query', name: 'k', first: 1, step: 1 });
  assert.deepEqual(learnPageParam(first, null, 3), { in: 'query', name: 'k', first: 1, step: 1 }, 'the only parameter valued 1');
});

test('requests for later pages keep everything but the page number, and its type', () => {
  const json = req('http://g.test/search', '{"pageNo":"1","size":3}', 'application/json');
  assert.equal(requestForPage(json, { in: 'json', name: 'pageNo', first: 1, step: 1 }, 3).body, '{"pageNo":"3","size":3}');
  const form = req('http://g.test/queryList', 'current=1&webSiteCode%5B%5D=jx', 'application/x-www-form-urlencoded');
  assert.equal(new URLSearchParams(requestForPage(form, { in: 'form', name: 'current', first: 1, step: 1 }, 2).body!).get('webSiteCode[]'), 'jx');
  assert.equal(requestForPage(req('http://g.test/d/list_1.json'), { in: 'path', name: '0', first: 1, step: 1 }, 4).url, 'http://g.test/d/list_4.json');
});

function exchange(url: string, responseBody: unknown, extra: Partial<Exchange> = {}): Exchange {
  return { method: 'GET', url, body: null, contentType: null, status: 200, responseType: 'application/json', responseBody: JSON.stringify(responseBody), ...extra };
}

const rows = (page: number) => ({
  d: { rows: [0, 1].map((i) => ({ bt: `某局${2023 - page * 2 - i}年政府信息公开工作年度报告`, lj: `/nb/${page}${i}.html` })) },
});

test('the endpoint is learned from the traffic, and the learned family pages it over HTTP until a page repeats', () => {
  const traffic = [
    exchange('http://g.test/api/weather?city=1', { temp: 3 }),
    exchange('http://g.test/api/menu', [{ title: '政务公开栏目', url: '/zwgk/' }]),
    exchange('http://g.test/ds/q?k=1&c=nb', rows(1)),
  ];
  const learned = learnListEndpoint(traffic, PAGE, [exchange('http://g.test/ds/q?k=2&c=nb', rows(2))])!;
  assert.equal(learned.endpoint.request.url, 'http://g.test/ds/q?k=1&c=nb');
  assert.deepEqual(learned.endpoint.page, { in: 'query', name: 'k', first: 1, step: 1 });
  const page2 = learnedPageRequest(learned.endpoint, 2, learned.items[0]!.url);
  assert.equal(page2.url, 'http://g.test/ds/q?k=2&c=nb');
  const visit = (url: string, body: unknown) => ({ url, loadedUrl: url, status: 200, body: JSON.stringify(body) });
  const read2 = parseLearnedList(visit(page2.url, rows(2)), page2.cursor);
  assert.equal(read2.items.length, 2);
  assert.equal(read2.next[0]!.url, 'http://g.test/ds/q?k=3&c=nb');
  // A server that answers the last page again for any later page: the repeat ends the list.
  const read3 = parseLearnedList(visit(read2.next[0]!.url, rows(2)), read2.next[0]!.cursor);
  assert.deepEqual([read3.items, read3.next], [[], []]);
  // An empty page ends it too.
  assert.deepEqual(parseLearnedList(visit(page2.url, { d: { rows: [] } }), page2.cursor).next, []);
});

test('POST endpoints are replayed with their body and content type', () => {
  const traffic = [exchange('http://g.test/queryList', { data: { results: rows(1).d.rows } }, { method: 'POST', body: 'current=1&perPage=2', contentType: 'application/x-www-form-urlencoded; charset=UTF-8' })];
  const learned = learnListEndpoint(traffic, PAGE)!;
  const page3 = learnedPageRequest(learned.endpoint, 3);
  assert.equal(page3.method, 'POST');
  assert.equal(page3.payload, 'current=3&perPage=2');
  assert.equal(page3.headers?.['content-type'], 'application/x-www-form-urlencoded; charset=UTF-8');
  assert.notEqual(page3.uniqueKey, learnedPageRequest(learned.endpoint, 2).uniqueKey);
});

test('traffic with no list in it teaches nothing', () => {
  assert.equal(learnListEndpoint([exchange('http://g.test/api/visits', { count: 12 }), exchange('http://g.test/x', 'not json', { responseBody: '{broken' })], PAGE), null);
});
