/**
 * Round 13b of the blind portals, on hand-made requests and answers: a list API signed in its request headers
 * (`X-Timestamp`, `X-Sign` = md5 of the parameters) is known as signed, so its later pages are turned in the browser
 * rather than replayed with a stale signature; and a replay refused with HTTP 200 and an error object is said as a
 * refusal, not read as the end of the list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import type { CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { namedSignatureParam, signatureParam } from '../../src/crawl/learn/request-signature.ts';
import { refusalMessage } from '../../src/crawl/learn/refusal-answer.ts';
import { refusedLearnedPage, SeedTallies } from '../../src/crawl/seed-tally.ts';

const PAGE = 'http://gov.test/jtt/zwgk/ndbg/index.html';
const API = 'http://gov.test/jtt/api/content/page';
const get = (page: number, headers?: Record<string, string>): CapturedRequest => ({ method: 'GET', url: `${API}?channelId=3316&pageNo=${page}&pageSize=4`, body: null, contentType: null, ...(headers ? { headers } : {}) });

test('a list API signed in its headers (X-Timestamp, X-Sign) is known as signed, from two requests or from one', () => {
  const one = get(1, { 'x-timestamp': '1764650000123', 'x-sign': '9e107d9d372bb6826bd81d3542a419d6' });
  const two = get(2, { 'x-timestamp': '1764650003456', 'x-sign': 'e4d909c290d0fb1ca068ffaddf22cbd0' });
  assert.equal(signatureParam(one, two), 'x-sign');
  assert.equal(namedSignatureParam(one), 'x-sign');
  // A vendor's header names: the last word says what it is.
  assert.equal(namedSignatureParam(get(1, { 'x-ca-timestamp': '1764650000', 'x-ca-signature': 'q0xW3Zk9c2Vn+ab1L0pQ7A==' })), 'x-ca-signature');
  // A header the script sets with the same value each time (a site id), or a sign with no timestamp beside it: no signature.
  assert.equal(signatureParam(get(1, { 'x-site-id': 'nxjtt' }), get(2, { 'x-site-id': 'nxjtt' })), null);
  assert.equal(namedSignatureParam(get(1, { 'x-sign': 'nxjtt2019' })), null);
  assert.equal(namedSignatureParam(get(1, { 'x-site-id': 'a1b2c3d4e5', 'x-timestamp': '1764650000123' })), null);

  // Learned from the page's traffic: the endpoint is signed, so no page of it is replayed over HTTP.
  const titles = ['某厅2024年政府信息公开工作年度报告', '某省2024年交通统计公报', '某厅2023年政府信息公开工作年度报告', '某厅2023年度部门决算'];
  const answer = (from: number) =>
    JSON.stringify({ errcode: 0, errmsg: 'ok', data: { total: 8, list: titles.map((t, i) => ({ title: `${t}（${from + i}）`, url: `/jtt/zwgk/ndbg/${from + i}.html`, time: '2025-01-20' })) } });
  const exchange = (req: CapturedRequest, from: number): Exchange => ({ ...req, status: 200, responseType: 'application/json', responseBody: answer(from) });
  const learned = learnListEndpoint([exchange(one, 0)], PAGE, [exchange(two, 4)])!;
  assert.equal(learned.endpoint.signed, 'x-sign');
  assert.equal(learnListEndpoint([exchange(get(1, { 'x-site-id': 'nxjtt' }), 0)], PAGE, [exchange(get(2, { 'x-site-id': 'nxjtt' }), 4)])!.endpoint.signed, undefined);
});

test('a replay refused with HTTP 200 and an error object is a refusal, said with its message; an empty answer is no refusal', () => {
  assert.equal(refusalMessage(JSON.stringify({ errcode: 40013, errmsg: '签名错误', data: null })), '签名错误 (errcode 40013)');
  assert.equal(refusalMessage(JSON.stringify({ success: false, message: 'Invalid token', result: null })), 'Invalid token');
  assert.equal(refusalMessage(JSON.stringify({ code: '4031', msg: '请求已过期' })), '请求已过期 (code 4031)');
  // The end of a list, or a success: no refusal.
  assert.equal(refusalMessage(JSON.stringify({ code: 0, msg: 'ok', data: { total: 8, list: [] } })), null);
  assert.equal(refusalMessage(JSON.stringify({ code: 200, message: '', data: [] })), null);
  assert.equal(refusalMessage(JSON.stringify({ code: 404, msg: '暂无数据' })), null);
  assert.equal(refusalMessage(JSON.stringify({ code: 1, msg: '操作成功', rows: [] })), null);
  assert.equal(refusalMessage(JSON.stringify({ status: 'success', data: [] })), null);
  assert.equal(refusalMessage('<html><body>签名错误</body></html>'), null);
  assert.equal(refusalMessage('[]'), null);

  const t = new SeedTallies().of(1, PAGE);
  t.learnedRefused = { page: 2, status: 200, message: '签名错误 (errcode 40013)' };
  assert.equal(refusedLearnedPage(t), 'its list API refused page 2 (HTTP 200, "签名错误 (errcode 40013)"): the list was not read from there on');
});
