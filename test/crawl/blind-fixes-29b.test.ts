/**
 * Round 29b's fix (docs/blind-portals.md, "Round 29b"), on hand-made input. An older TRS site's 年报 column is a
 * search (WAS5-like): the column page posts a hidden form on load, the server answers 302 to a result page named by a
 * token, and the result page's pager is `javascript:goPage(n)` links setting the same form's `page` field and posting
 * it again. The page reads as TRS (its items are `tYYYYMMDD_N` pages), and the script controls were mapped onto the
 * TRS page naming (`/was5/web/index_1.html`, 404) before the POST form the page's own script submits was looked at.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrsList } from '../../src/crawl/families/trs.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';

const RESULT = 'http://yg.example/was5/web/result.jsp?token=5a5b80e1';
const item = (path: string, title: string) => `<tr><td><a href="${path}" target="_blank">${title}</a></td><td>2025-01-21</td></tr>`;
const resultPage = (pager: string, form = true) => `<html><head><title>政府信息公开年报</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/ygq/xxgk/">政府信息公开</a></div>
<table class="was-list">${item('/ygq/xxgk/ndbg/202501/t20250121_99871.html', '示例区人民政府2024年政府信息公开工作年度报告')}
${item('/ygq/xxgk/ndbg/202501/t20250115_99840.html', '示例区人民政府2024年度政府网站工作年度报表')}</table>
<div class="was-page">${pager}</div>
${form ? `<form name="sf" method="post" action="/was5/web/search" style="display:none"><input type="hidden" name="channelid" value="228541">
<input type="hidden" name="searchword" value="chnlid=1205"><input type="hidden" name="page" value="1"></form>` : ''}
<script>function goPage(p) { document.sf.page.value = p; document.sf.submit(); }</script></body></html>`;
const PAGER = '共11条记录 第1/3页 首页 上一页 <a href="javascript:goPage(2)">下一页</a><a href="javascript:goPage(3)">尾页</a>';

test('a TRS-looking result page paged by script controls posting its form asks the next page as that POST, not index_1', () => {
  const visit = { url: RESULT, loadedUrl: RESULT, status: 200, body: resultPage(PAGER) };
  for (const parsed of [parseTrsList(visit), parseGenericList(visit)]) {
    assert.equal(parsed.next.length, 1, JSON.stringify(parsed.next));
    const next = parsed.next[0]!;
    assert.equal(next.url, 'http://yg.example/was5/web/search');
    assert.equal(next.method, 'POST');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(next.payload)), { channelid: '228541', searchword: 'chnlid=1205', page: '2' });
  }
});

test('script controls with no POST form to submit are still mapped onto the family page naming (TRS index_N)', () => {
  const url = 'http://yg.example/ygq/xxgk/ndbg/index.html';
  const parsed = parseTrsList({ url, loadedUrl: url, status: 200, body: resultPage(PAGER, false) });
  assert.deepEqual(parsed.next.map((n) => n.url), ['http://yg.example/ygq/xxgk/ndbg/index_1.html']);
});
