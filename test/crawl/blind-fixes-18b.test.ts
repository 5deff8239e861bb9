/**
 * Round 18b of the blind portals, on hand-made requests: a list asked by posting a page's `FormData` (the browser
 * sends it as `multipart/form-data` with a boundary of its own) is paged like any form: its page field learned from
 * the request alone or from two pages' requests, and each later page's request the captured one with that field's
 * value changed, boundary, other parts and Content-Type kept; its year field and its choices' fields are read too.
 * And a learned list's items are listed at the page that shows the list, not at its API's address (where a report
 * published as its file alone was said to be found).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { formFields, multipartFields, withFormField } from '../../src/crawl/learn/form-body.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { learnPageParam, requestForPage, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { yearParam } from '../../src/crawl/learn/year-tabs.ts';

const PAGE = 'http://gov.test/wjw/gk/nb/list.html';
const API = 'http://gov.test/wjw/gateway/article/page';
// Firefox's boundary (dashes and digits), unlike Chromium's ----WebKitFormBoundary…
const BOUNDARY = '---------------------------41184676334';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body as a browser writes it: each part after a delimiter line, the closing delimiter ending in `--`. */
function multipart(fields: [string, string][], file?: string): string {
  const parts = fields.map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file) parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="blob"; filename="q.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n`);
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

const fieldsAt = (current: string, year = '2024'): [string, string][] => [
  ['columnCode', 'zfxxgknb'],
  ['year', year],
  ['current', current],
  ['size', '4'],
];
const request = (body: string): CapturedRequest => ({ method: 'POST', url: API, body, contentType: TYPE });

test('the fields of a multipart body are read, a file part left out; an urlencoded body as before', () => {
  const body = multipart(fieldsAt('1'), 'a=1&current=9');
  assert.deepEqual(multipartFields(request(body)), fieldsAt('1'));
  assert.deepEqual(formFields(request(body)), fieldsAt('1'));
  // Unlabelled, or labelled urlencoded, a=b&c=d stays a form; JSON is none; a multipart type with no body is none.
  assert.deepEqual(formFields({ body: 'page=2&rows=5', contentType: null }), [['page', '2'], ['rows', '5']]);
  assert.equal(formFields({ body: '{"page":2}', contentType: 'application/json' }), null);
  assert.equal(multipartFields({ body: null, contentType: TYPE }), null);
  // A quoted boundary, and the charset before it.
  const quoted = { body: body, contentType: `multipart/form-data; charset=utf-8; boundary="${BOUNDARY}"` };
  assert.deepEqual(multipartFields(quoted), fieldsAt('1'));
});

test('setting a multipart field keeps the boundary and every other part as sent; an absent field is added', () => {
  const body = multipart(fieldsAt('1'), 'x');
  const next = withFormField(request(body), 'current', '3');
  assert.equal(next, multipart(fieldsAt('3'), 'x'));
  const added = withFormField(request(body), 'orderBy', 'publishDate');
  assert.deepEqual(multipartFields(request(added)), [...fieldsAt('1'), ['orderBy', 'publishDate']]);
  assert.ok(added.endsWith(`--${BOUNDARY}--\r\n`), added);
});

test('the page field of a multipart list request is learned, and each later page is the same post with it changed', () => {
  const first = request(multipart(fieldsAt('1')));
  // From the request alone (its name), and from two pages' requests (the value that grew).
  assert.deepEqual(learnPageParam(first, null, 4), { in: 'form', name: 'current', first: 1, step: 1 });
  assert.deepEqual(learnPageParam(first, request(multipart(fieldsAt('2'))), 4), { in: 'form', name: 'current', first: 1, step: 1 });
  const page = learnPageParam(first, null, 4)!;
  assert.equal(requestForPage(first, page, 3).body, multipart(fieldsAt('3')));
  assert.equal(requestForPage(first, page, 3).contentType, TYPE);
});

test('a learned multipart list is asked page after page over HTTP with its own Content-Type', () => {
  const titles = ['某市卫生健康委员会2024年政府信息公开工作年度报告', '某市2024年卫生健康工作要点', '某市卫生健康委员会2023年政府信息公开工作年度报告', '某市卫生健康委员会2023年度部门决算'];
  const answer = { code: 200, msg: '操作成功', total: 10, rows: titles.map((t, i) => ({ articleId: 900 + i, articleTitle: t, releaseTime: `2025-01-2${i}`, articleUrl: `/wjw/gk/nb/c${900 + i}.html` })) };
  const x: Exchange = { ...request(multipart(fieldsAt('1'))), status: 200, responseType: 'application/json', responseBody: JSON.stringify(answer) };
  const learned = learnListEndpoint([x], PAGE)!;
  assert.ok(learned, 'the list is learned');
  assert.deepEqual(learned.endpoint.page, { in: 'form', name: 'current', first: 1, step: 1 });
  const next = learnedPageRequest(learned.endpoint, 2);
  assert.equal(next.method, 'POST');
  assert.equal(next.headers?.['content-type'], TYPE);
  assert.deepEqual(multipartFields({ body: next.payload ?? null, contentType: TYPE }), fieldsAt('2'));
});

test('the year field of a multipart list request is read when the page shows year tabs', () => {
  const tabs = '<ul class="years"><li class="on">2024年</li><li>2023年</li><li>2022年</li></ul>';
  assert.deepEqual(yearParam(request(multipart(fieldsAt('1'))), tabs), { in: 'form', name: 'year', others: [2023, 2022] });
});

test('a learned list is shown at the page that asked it: its items (a file among them) are listed there, not at the API', () => {
  const api = 'http://gov.test/jtj/api/open/list?chnl=nb&page=1&rows=3';
  const rows = [
    { title: '某市交通运输局2024年政府信息公开工作年度报告', url: '/jtj/nb/202501/t20250120_301.html' },
    { title: '某市交通运输局2023年政府信息公开工作年度报告', url: '/jtj/nb/202401/P020240118301.pdf' },
    { title: '某市交通运输局2024年部门预算', url: '/jtj/ys/202402/t20240205_288.html' },
  ];
  const x: Exchange = { method: 'GET', url: api, body: null, contentType: null, status: 200, responseType: 'application/json', responseBody: JSON.stringify({ total: 3, rows }) };
  const learned = learnListEndpoint([x], PAGE)!;
  const read = parseLearnedList({ url: api, loadedUrl: api, status: 200, body: x.responseBody, contentType: x.responseType, rendered: false }, learnedPageRequest(learned.endpoint, 1).cursor);
  assert.equal(read.items.length, 3);
  assert.equal(read.shownAt, PAGE);
});
