/** The family parsers and `family: auto` detection on small pages shaped like the real CMSs'. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFamily, isChallenge, isShell } from '../../src/crawl/families/detect.ts';
import { genericNextPage } from '../../src/crawl/families/generic.ts';
import { hanwebForm, parseHanwebList } from '../../src/crawl/families/hanweb.ts';
import { declaredApi, parseJsApiList } from '../../src/crawl/families/jsapi.ts';
import { parseAggregatorList } from '../../src/crawl/families/aggregator.ts';

const visit = (url: string, body: string, status = 200) => ({ url, loadedUrl: url, status, body });
const page = (main: string) => `<html><head><title>年报</title></head><body><div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">互动</a><a href="/c">服务</a><a href="/d">关于</a></div>${main}</body></html>`;

test('generic pager: 下一页 first, else the next number; javascript: and self links are not pages', () => {
  const base = 'http://h/list/index.html?page=2';
  assert.equal(genericNextPage(page('<div class="page"><a href="?page=1">1</a><span class="current">2</span><a href="?page=3">3</a><a href="?page=3">下一页</a></div>'), base), 'http://h/list/index.html?page=3');
  assert.equal(genericNextPage(page('<div class="page"><a href="1.html">1</a><span class="current">2</span><a href="3.html">3</a></div>'), 'http://h/nb/2.html'), 'http://h/nb/3.html');
  assert.equal(genericNextPage(page('<div class="page"><a href="index_1.html">1</a><span class="current">2</span><a href="javascript:;">下一页</a></div>'), 'http://h/index_2.html'), null);
});

const ISLAND = `<div id="77"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid=501&unitid=77&webname=%E5%B8%82&permissiontype=0"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2024/1/5/art_501_9.html" title="某市2023年政府信息公开工作年度报告">某市2023年政府信息公开工作年…</a><span>2024-01-05</span></li>]]></record></recordset></datastore></script></div>
<script>$('#77').jpage({ perPage: 1, totalRecord: 3, groupSize: 2 });</script>`;

test('Hanweb: island records, then POST dataproxy with the form of <nextgroup> and a payload-bearing unique key', () => {
  assert.equal(detectFamily(page(ISLAND), 'http://h/col/col501/index.html'), 'hanweb');
  const form = hanwebForm(ISLAND, 'http://h/col/col501/index.html')!;
  assert.equal(form.get('columnid'), '501');
  assert.equal(form.get('unitid'), '77');
  assert.equal(form.get('webname'), '市');
  assert.equal(form.has('page'), false);
  const first = parseHanwebList(visit('http://h/col/col501/index.html', page(ISLAND)), undefined);
  assert.deepEqual(first.items.map((i) => i.title), ['某市2023年政府信息公开工作年度报告']);
  const next = first.next[0]!;
  assert.equal(next.url, 'http://h/module/web/jpage/dataproxy.jsp?startrecord=2&endrecord=3&perpage=1');
  assert.equal(next.method, 'POST');
  assert.match(next.uniqueKey!, /columnid=501/);
  const xml = `<datastore><totalrecord>3</totalrecord><recordset><record><![CDATA[<li><a href="/art/2023/1/2/art_501_8.html">某市2022年政府信息公开工作年度报告</a></li>]]></record><record><![CDATA[<li><a href="/art/2022/1/2/art_501_7.html">某市2021年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore>`;
  const second = parseHanwebList(visit(next.url, xml), next.cursor);
  assert.equal(second.items.length, 2);
  assert.equal(second.items[0]!.url, 'http://h/art/2023/1/2/art_501_8.html');
  assert.deepEqual(second.next, []);
});

test('JSON API shells: the declared API is read directly and paged by its total', () => {
  const shell = '<html><body><div id="app" data-api="/api/list?page=1&amp;size=2"></div><script src="/app.js"></script></body></html>';
  assert.equal(isShell(shell), true);
  assert.equal(detectFamily(shell, 'http://h/nb/'), 'jsapi');
  assert.equal(declaredApi('<script>fetch("/api/nb/list?pageNo=1")</script>', 'http://h/x/'), 'http://h/api/nb/list?pageNo=1');
  assert.deepEqual(parseJsApiList(visit('http://h/nb/', shell), undefined).next.map((n) => n.url), ['http://h/api/list?page=1&size=2']);
  const json = JSON.stringify({ code: 200, data: { total: 3, list: [{ title: '某局2023年政府信息公开工作年度报告', url: '/c/1.html', publishDate: '2024-01-02 10:00' }, { title: '通知', url: '/c/2.html' }] } });
  const r = parseJsApiList(visit('http://h/api/list?page=1&size=2', json), undefined);
  assert.deepEqual(r.items.map((i) => [i.url, i.date]), [['http://h/c/1.html', '2024-01-02'], ['http://h/c/2.html', null]]);
  assert.deepEqual(r.next.map((n) => n.url), ['http://h/api/list?page=2&size=2']);
  const last = parseJsApiList(visit('http://h/api/list?page=2&size=2', JSON.stringify({ data: { total: 3, list: [{ title: 'x', url: '/c/3.html' }] } })), undefined);
  assert.deepEqual(last.next, []);
});

test('anti-bot challenges: 412, or a tiny page that sets a cookie and reloads', () => {
  assert.equal(isChallenge(visit('http://h/', '<html></html>', 412)), true);
  assert.equal(isChallenge(visit('http://h/', '<script>document.cookie="a=b";location.reload()</script>')), true);
  assert.equal(isChallenge(visit('http://h/', page('<ul><li><a href="/x">某局2023年政府信息公开工作年度报告</a></li></ul>'))), false);
});

test('aggregator: department-name links under a year heading stand for that department\'s report', () => {
  const html = page('<h1>2024年度市直部门政府信息公开工作年度报告</h1><ul><li><a href="/c/1.html">洛阳市教育局</a></li><li><a href="/c/2.html">洛阳市财政局</a></li><li><a href="/c/3.html">某区2024年政府信息公开工作年度报告</a></li></ul>');
  assert.equal(detectFamily(html, 'http://h/2024n/'), 'aggregator');
  const titles = parseAggregatorList(visit('http://h/2024n/', html)).items.map((i) => i.title);
  assert.deepEqual(titles.slice(-3), ['洛阳市教育局2024年政府信息公开工作年度报告', '洛阳市财政局2024年政府信息公开工作年度报告', '某区2024年政府信息公开工作年度报告']);
});
