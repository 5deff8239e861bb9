/**
 * Round 64's changes (docs/blind-portals.md, round 64); the blind portals themselves are crawled whole by the blind
 * parts; bozhou's 202 and xingcheng's `Transfer-Encoding: identity` are tested in test/download/fetcher.test.ts and
 * mended-headers.test.ts. A pager that is a GET form's page select; a list written into an iframe's srcdoc whose rows
 * keep their address in a hidden field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withFrameDocuments } from '../../src/crawl/frame-documents.ts';
import { selectNextPage } from '../../src/crawl/families/page-template.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { PARSERS } from '../../src/crawl/families/detect.ts';

test("a pager that is a GET form's page select (no link anywhere) turns to the next option", () => {
  const html = `<div class="pagebar"><form name="pageForm" method="get" action="list.jsp"><input type="hidden" name="catid" value="2317">共15条记录 第1/3页 转到<select name="page" onchange="this.form.submit()"><option value="1" selected>第1页</option><option value="2">第2页</option><option value="3">第3页</option></select></form></div>`;
  assert.equal(selectNextPage(loadHtml(html), 'http://gov.test/zwgk/xxgk/list.jsp?catid=2317'), 'http://gov.test/zwgk/xxgk/list.jsp?catid=2317&page=2');
  const last = html.replace('<option value="1" selected>', '<option value="1">').replace('<option value="3">', '<option value="3" selected>');
  assert.equal(selectNextPage(loadHtml(last), 'http://gov.test/zwgk/xxgk/list.jsp?catid=2317&page=3'), null);
  // A POST form's select is no address to ask.
  assert.equal(selectNextPage(loadHtml(html.replace('method="get"', 'method="post"')), 'http://gov.test/zwgk/xxgk/list.jsp?catid=2317'), null);
});

test("a list written into an iframe's srcdoc is read as the page's, each row at the address its hidden field keeps", () => {
  const frame = `<!DOCTYPE html><html><head><base target="_parent"><style>.tit{color:#333}</style></head><body><ul class="nb-list">
<li><input type="hidden" name="url" value="./202501/t20250124_912345.shtml"><a href="#" class="tit" title="玛纳斯县2024年政府信息公开工作年度报告">玛纳斯县2024年政府信息公开…</a><span>2025-01-24</span></li>
<li><input type="hidden" name="url" value="./202401/t20240126_812345.shtml"><a href="#" class="tit" title="玛纳斯县2023年政府信息公开工作年度报告">玛纳斯县2023年政府信息公开…</a><span>2024-01-26</span></li>
</ul><div class="page">共13条 第1/3页 <a href="index_1.shtml">下一页</a></div></body></html>`;
  const attr = frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const page = `<html><head><title>政府信息公开年报</title></head><body><div class="list-box"><iframe srcdoc="${attr}" width="100%" height="420" frameborder="0"></iframe></div></body></html>`;
  const url = 'http://gov.test/mnsx/zwgk/zfxxgknb/index.shtml';
  assert.deepEqual(parseListItems(page, url), []);
  const written = withFrameDocuments(page);
  assert.deepEqual(
    parseListItems(written, url).map((i) => [i.title, i.url]),
    [
      ['玛纳斯县2024年政府信息公开工作年度报告', 'http://gov.test/mnsx/zwgk/zfxxgknb/202501/t20250124_912345.shtml'],
      ['玛纳斯县2023年政府信息公开工作年度报告', 'http://gov.test/mnsx/zwgk/zfxxgknb/202401/t20240126_812345.shtml'],
    ],
  );
  const next = PARSERS.generic.parse({ url, loadedUrl: url, status: 200, body: written }, undefined).next.map((n) => n.url);
  assert.deepEqual(next, ['http://gov.test/mnsx/zwgk/zfxxgknb/index_1.shtml']);
});
