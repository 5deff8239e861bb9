/**
 * Round 74's change (docs/blind-portals.md, round 74); the blind portals themselves are crawled whole by the blind
 * parts. A Hanweb column paged by a pager script of the site's own (`jpage.init({total, perpage, proxy})`, no jpage
 * call) whose dataproxy refuses the GET of its `<nextgroup>` link is asked by POST windows, and a list page read by
 * the generic family whose answer only the Hanweb family continues is continued by it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHanwebList } from '../../src/crawl/families/hanweb.ts';
import { parseList } from '../../src/crawl/list-parse.ts';

const COLUMN = 'http://gov.test/col/col5020/index.html';
const query = 'col=1&appid=1&webid=1&path=%2F&columnid=5020&sourceContentType=1&unitid=42811&webname=x&permissiontype=0';
const record = (i: number) => `<record><![CDATA[<li><a href="/art/2025/1/${i}/art_5020_${i}.html" title="平邑县人民政府${2024 - i}年政府信息公开工作年度报告">平邑县人民政府${2024 - i}年政府信息公开工作年度报告</a><span>2025-01-${i}</span></li>]]></record>`;
const column = `<html><body><div id="42811"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&${query}"></a>]]></nextgroup>
<recordset>${[1, 2, 3].map(record).join('\n')}</recordset></datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script>jpage.init({ box: '42811', total: 5, perpage: 3, proxy: '/module/web/jpage/dataproxy.jsp', query: '${query}' });</script></body></html>`;
const refused = '<?xml version="1.0" encoding="UTF-8"?>\n<datastore><error>请求方式不正确</error></datastore>';

test("a dataproxy refusing the <nextgroup> link's GET is asked by POST windows from the record after the island's", () => {
  const first = parseHanwebList({ url: COLUMN, loadedUrl: COLUMN, status: 200, body: column }, undefined);
  assert.equal(first.items.length, 3);
  const get = first.next[0]!;
  assert.match(get.url, /dataproxy\.jsp\?page=1/);
  const answer = parseHanwebList({ url: get.url, loadedUrl: get.url, status: 200, body: refused }, get.cursor);
  assert.equal(answer.next.length, 1);
  const post = answer.next[0]!;
  assert.equal(post.method, 'POST');
  assert.match(post.url, /startrecord=4&endrecord=5&perpage=3/);
  assert.match(String(post.payload), /columnid=5020/);
  // With nothing announced past the island, the refused answer ends the list, as before.
  const whole = parseHanwebList({ url: COLUMN, loadedUrl: COLUMN, status: 200, body: column.replace('total: 5', 'total: 3') }, undefined);
  const again = whole.next[0]!;
  assert.deepEqual(parseHanwebList({ url: again.url, loadedUrl: again.url, status: 200, body: refused }, again.cursor).next, []);
});

test('an answer the generic family reads nothing of is continued by the family whose cursor it carries', () => {
  const first = parseHanwebList({ url: COLUMN, loadedUrl: COLUMN, status: 200, body: column }, undefined);
  const get = first.next[0]!;
  const parsed = parseList({ url: get.url, loadedUrl: get.url, status: 200, body: refused }, { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'generic', pageIndex: 2, cursor: get.cursor });
  assert.equal(parsed.family, 'hanweb');
  assert.equal(parsed.next[0]?.method, 'POST');
});
