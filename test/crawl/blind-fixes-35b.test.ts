/**
 * Round 35b's fixes (docs/blind-portals.md, "Round 35b: seeds a new user gives (one agency)"), on hand-made input:
 * 1. a department's page on a county site (no query of its own) whose 信息公开 link is the county's catalogue filtered
 *    to its unit (`catalog.jsp?unitId=…`) beside the site nav's unfiltered 政府信息公开: the scoped link is the page's
 *    disclosure page, not the nav's (before: both read, the county's other units' reports catalogued for the seed);
 * 2. a unit `<select>` whose change submits a filter form, one unit already chosen: the page is that unit's view, its
 *    other options are not columns left unread (before: the department's complete 年报 view flagged `short`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyMenus } from '../../src/crawl/families/jump-menu.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';

const shell = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

test("a department's page whose 信息公开 link is the county catalogue filtered by unitId: that link read, not the nav's 政府信息公开", () => {
  const PAGE = 'http://county.example/bmzz/nyncj/index.html';
  const nav = '<div class="nav"><a href="/">首页</a><a href="/zfxxgk/">政府信息公开</a><a href="/hdjl/">互动交流</a></div>';
  const side = '<div class="side"><a href="/bmzz/nyncj/index.html">机构概况</a><a href="/xxgk/catalog.jsp?unitId=4115220012&amp;catId=zn">信息公开</a></div>';
  const body = '<h2>某县农业农村局</h2><p>主要职责：贯彻落实党中央关于“三农”工作的方针政策。</p>';
  assert.deepEqual(listElsewhere(shell('某县农业农村局', nav + side + body), PAGE, []), [{ url: 'http://county.example/xxgk/catalog.jsp?unitId=4115220012&catId=zn', hub: true }]);
  // `deptId`, `organCode` name a unit the same way.
  const side2 = side.replace('unitId=4115220012', 'organCode=MB1234567');
  assert.deepEqual(listElsewhere(shell('某县农业农村局', nav + side2 + body), PAGE, []).map((l) => l.url), ['http://county.example/xxgk/catalog.jsp?organCode=MB1234567&catId=zn']);
  // A county home whose disclosure links name no unit: all of them, as before.
  const nav3 = nav.replace('</div>', '<a href="/xxgk/index.html?catId=zn">信息公开</a></div>');
  assert.deepEqual(
    listElsewhere(shell('某县人民政府', nav3), 'http://county.example/', []).map((l) => l.url),
    ['http://county.example/zfxxgk/', 'http://county.example/xxgk/index.html?catId=zn'],
  );
});

test('a unit select submitting a filter form, one unit chosen: no unread columns; none chosen: the units unread, as before', () => {
  const PAGE = 'http://county.example/xxgk/catalog.jsp?unitId=12&catId=nb';
  const menu = (chosen: string) =>
    shell(
      '政府信息公开年报',
      `<form id="f" method="post" action="/xxgk/catalog.jsp"><label>公开单位：</label><select name="unitId" onchange="document.getElementById('f').submit()"><option value=""${chosen ? '' : ' selected'}>全部单位</option>` +
        ['县政府办公室', '县教育体育局', '县农业农村局', '县统计局'].map((n, i) => `<option value="${10 + i}"${String(10 + i) === chosen ? ' selected' : ''}>${n}</option>`).join('') +
        '</select></form><table><tr><td><a href="/xxgk/content.jsp?id=1">某县农业农村局2024年政府信息公开工作年度报告</a></td></tr></table>',
    );
  assert.deepEqual(agencyMenus(loadHtml(menu('12')), PAGE, true), { columns: [], unread: [] });
  assert.deepEqual(agencyMenus(loadHtml(menu('')), PAGE, true).unread, ['县政府办公室', '县教育体育局', '县农业农村局', '县统计局']);
});
