/** Hanweb jpage variants: where the totals, form fields and dataproxy path come from, GET paging, grouped windows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ajaxParamFields, hanwebForm, hanwebRecords, looksLikeHanweb, parseHanwebList } from '../../src/crawl/families/hanweb.ts';

const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body });
const COL = 'http://h/col/col77/index.html';
const rec = (id: number, title: string, text = title) => `<record><![CDATA[<li><a href="/art/2024/1/${id}/art_77_${id}.html" title="${title}">${text}</a><b readlabel="2024-01-0${id % 9}">2024-01-0${id % 9}</b></li>]]></record>`;
const island = (records: string, extra = '') => `<div id="900"><script type="text/xml"><datastore>${extra}<recordset>${records}</recordset></datastore></script></div>`;

test('totals in the data island (<totalrecord>) when the jpage call carries none; form from ajaxParam only', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)) + rec(2, '乙'.repeat(6)), '<totalrecord>7</totalrecord><totalpage>4</totalpage>')}
<script>$('#900').jpage({ perPage: 2, groupSize: 2, proxyUrl: '/module/jpage/dataproxy.jsp', ajaxParam: { col: 1, webid: "5", path: '/', columnid: 77, unitid: 900, webname: '某市', permissiontype: 0 } });</script></body></html>`;
  assert.ok(looksLikeHanweb(html));
  assert.deepEqual(ajaxParamFields(`ajaxParam: { col: 1, webid: "5", webname: '某市' }`), { col: '1', webid: '5', webname: '某市' });
  const r = parseHanwebList(visit(COL, html), undefined);
  assert.equal(r.items.length, 2);
  const next = r.next[0]!;
  assert.equal(next.url, 'http://h/module/jpage/dataproxy.jsp?startrecord=3&endrecord=6&perpage=2');
  const form = new URLSearchParams(next.payload);
  assert.equal(form.get('columnid'), '77');
  assert.equal(form.get('webname'), '某市');
  assert.equal(form.get('appid'), '1');
  // The last window is cut to the total.
  const answer = `<datastore><totalrecord>7</totalrecord><recordset>${[3, 4, 5, 6].map((i) => rec(i, `丙${i}`.repeat(3))).join('')}</recordset></datastore>`;
  const second = parseHanwebList(visit(next.url, answer), next.cursor);
  assert.equal(second.next[0]!.url, 'http://h/module/jpage/dataproxy.jsp?startrecord=7&endrecord=7&perpage=2');
});

test('form fields from <nextgroup> and ajaxParam together; the proxy path from the page when proxyUrl is absent', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)), '<nextgroup><![CDATA[<a href="/module/jslib/jquery/jpage/dataproxy.jsp?page=1&amp;webid=9&amp;columnid=77&amp;unitid=900"></a>]]></nextgroup>')}
<script>$('#900').jpage({ perPage: 1, totalRecord: 3, ajaxParam: { webname: '某县', path: '/' } });</script></body></html>`;
  const form = hanwebForm(html, COL)!;
  assert.deepEqual([form.get('webid'), form.get('columnid'), form.get('webname'), form.has('page')], ['9', '77', '某县', false]);
  const r = parseHanwebList(visit(COL, html), undefined);
  assert.equal(r.next[0]!.url, 'http://h/module/jslib/jquery/jpage/dataproxy.jsp?startrecord=2&endrecord=3&perpage=1');
});

test('GET paging along <nextgroup> when the page has no jpage call: page=N until <totalpage>', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)), '<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&amp;appid=1&amp;webid=9&amp;columnid=77&amp;unitid=900&amp;permissiontype=0"></a>]]></nextgroup>')}</body></html>`;
  const r = parseHanwebList(visit(COL, html), undefined);
  const first = r.next[0]!;
  assert.equal(first.method, undefined);
  assert.equal(first.url, 'http://h/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=9&columnid=77&unitid=900&permissiontype=0');
  const page1 = parseHanwebList(visit(first.url, `<datastore><totalrecord>3</totalrecord><totalpage>2</totalpage><recordset>${rec(1, '甲'.repeat(6))}${rec(2, '乙'.repeat(6))}</recordset></datastore>`), first.cursor);
  assert.match(page1.next[0]!.url, /[?&]page=2&/);
  const page2 = parseHanwebList(visit(page1.next[0]!.url, `<datastore><totalrecord>3</totalrecord><totalpage>2</totalpage><recordset>${rec(3, '丙'.repeat(6))}</recordset></datastore>`), page1.next[0]!.cursor);
  assert.deepEqual(page2.next, []);
});

test('grouped windows overlap: records de-duplicated by URL; a text cut with ... takes the full @title', () => {
  const full = '某市交通运输局2023年政府信息公开工作年度报告';
  const xml = `<datastore><totalrecord>3</totalrecord><recordset>${rec(1, full, '某市交通运输局2023年政府信息...')}${rec(1, full)}${rec(2, '乙'.repeat(6))}</recordset></datastore>`;
  const items = hanwebRecords(xml, COL);
  assert.deepEqual(items.map((i) => i.title), [full, '乙'.repeat(6)]);
});

test('an island without <record> (bare CDATA) and an island that holds the whole column', () => {
  const bare = `<html><body><script type="text/xml"><datastore><![CDATA[<li><a href="/art/1.html">某局2022年政府信息公开工作年度报告</a></li>]]></datastore></script></body></html>`;
  assert.deepEqual(parseHanwebList(visit(COL, bare), undefined).items.map((i) => i.url), ['http://h/art/1.html']);
  const whole = `<html><body>${island(rec(1, '甲'.repeat(6)) + rec(2, '乙'.repeat(6)))}<script>$('#900').jpage({ perPage: 15, totalRecord: 2, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: { columnid: 77 } });</script></body></html>`;
  assert.deepEqual(parseHanwebList(visit(COL, whole), undefined).next, []);
});

test('no dataproxy to ask: the page pages like a plain list', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)))}<div class="pages"><a href="index_2.html">下一页</a></div></body></html>`;
  assert.deepEqual(parseHanwebList(visit(COL, html), undefined).next.map((n) => n.url), ['http://h/col/col77/index_2.html']);
});

test('the unit id from the island\'s holder and the column id from the URL when no source gives them', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)))}<script>$('#900').jpage({ perPage: 1, totalRecord: 3, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: { webid: 5 } });</script></body></html>`;
  const form = hanwebForm(html, COL)!;
  assert.deepEqual([form.get('unitid'), form.get('columnid'), form.get('webid')], ['900', '77', '5']);
});

test('a server that caps the window at one page is asked next from the record after the last it gave', () => {
  const html = `<html><body>${island(rec(1, '甲'.repeat(6)))}<script>$('#900').jpage({ perPage: 2, groupSize: 3, totalRecord: 9, proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: { webid: 5, columnid: 77, unitid: 900 } });</script></body></html>`;
  const first = parseHanwebList(visit(COL, html), undefined).next[0]!;
  assert.match(first.url, /startrecord=2&endrecord=7&/);
  const capped = parseHanwebList(visit(first.url, `<datastore><totalrecord>9</totalrecord><recordset>${rec(2, '乙'.repeat(6))}${rec(3, '丙'.repeat(6))}</recordset></datastore>`), first.cursor);
  assert.match(capped.next[0]!.url, /startrecord=4&endrecord=9&/);
});
