/**
 * Round 16b of the blind portals, on hand-made pages: a select a UI library draws (Element's `el-select`: its options
 * only in a dropdown appended to `<body>` once the box is clicked) filtering a list is a choice of lists, its options
 * each made once; a pager's drawn page-size box is not. Rows opening their article by submitting a form of their own
 * (a POST form of hidden inputs, a GET form) lead to the form's address; a POST form's only when that address answers
 * with the row's title.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { drawnSelectChoices } from '../../src/crawl/learn/drawn-selects.ts';
import { clickedLinks } from '../../src/crawl/learn/item-clicks.ts';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { listChoices } from '../../src/crawl/learn/list-choices.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/xxgk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;

const browser = fileBrowser();
const served = (html: string, answer: (url: URL) => string | null): Promise<Page> => servedPage(browser()!, PAGE, html, answer);

// Each department's list; the city's own on load.
const DEPTS: Record<string, string[]> = {
  '101': [report('某市人民政府', 2024), '某市2025年政务公开工作要点'],
  '102': [report('某市教育局', 2024), '某市教育局2024年部门决算'],
  '103': ['某市统计局2024年统计公报'],
  '104': [report('某市医疗保障局', 2023)],
};
const deptAnswer = (url: URL) => {
  const d = url.searchParams.get('deptId');
  if (url.pathname !== '/xxgk/api/nb/list' || !d || !DEPTS[d]) return null;
  const rows = DEPTS[d];
  return JSON.stringify({ code: 200, total: rows.length, rows: rows.map((title, i) => ({ title, url: `/xxgk/${d}/${i + 1}.html` })) });
};

// Element UI's look: the box an input (readonly) in `div.el-select`, the dropdown a `div.el-select-dropdown` appended
// to <body> on the first click, its items `li.el-select-dropdown__item` (the chosen one `selected`), hidden by an
// inline style when closed; the pager's page-size box an el-select too.
const elementPage = `<html><body><div id="app">
<div class="filter"><label>部门：</label><div class="el-select" id="dept"><div class="el-input el-input--suffix"><input type="text" readonly="readonly" autocomplete="off" placeholder="请选择" class="el-input__inner" value="某市人民政府"><span class="el-input__suffix"><i class="el-select__caret el-icon-arrow-up"></i></span></div></div></div>
<ul id="list"></ul>
<div class="el-pagination"><span class="el-pagination__total">共 2 条</span><span class="el-pagination__sizes"><div class="el-select el-select--mini" id="size"><div class="el-input el-input--mini"><input type="text" readonly class="el-input__inner" value="10条/页"></div></div></span></div>
</div><script>
var OPTIONS = { dept: [['101', '某市人民政府'], ['102', '某市教育局'], ['103', '某市统计局'], ['104', '某市医疗保障局']], size: [['10', '10条/页'], ['20', '20条/页'], ['50', '50条/页']] };
var chosen = { dept: '101', size: '10' };
var drop = {};
function load() {
  fetch('/xxgk/api/nb/list?deptId=' + chosen.dept + '&pageNum=1&pageSize=' + chosen.size).then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
function open(id) {
  if (!drop[id]) { drop[id] = document.createElement('div'); drop[id].className = 'el-select-dropdown el-popper'; document.body.appendChild(drop[id]); }
  drop[id].style.display = '';
  drop[id].innerHTML = '<div class="el-scrollbar"><ul class="el-select-dropdown__list">' + OPTIONS[id].map(function (o) {
    return '<li class="el-select-dropdown__item' + (o[0] === chosen[id] ? ' selected' : '') + '" data-id="' + id + '" data-v="' + o[0] + '"><span>' + o[1] + '</span></li>';
  }).join('') + '</ul></div>';
}
function close(id) { if (drop[id]) drop[id].style.display = 'none'; }
['dept', 'size'].forEach(function (id) {
  document.getElementById(id).addEventListener('click', function () { drop[id] && drop[id].style.display !== 'none' ? close(id) : open(id); });
});
document.addEventListener('click', function (e) {
  var li = e.target.closest('.el-select-dropdown__item');
  if (!li) return;
  var id = li.getAttribute('data-id');
  chosen[id] = li.getAttribute('data-v');
  document.querySelector('#' + id + ' input').value = li.textContent;
  close(id);
  load();
});
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close('dept'); close('size'); } });
load();
</script></body></html>`;

test("a select a UI library draws (options only once opened, appended to <body>) is a choice of lists; the pager's page-size box is not", { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(elementPage, deptAnswer);
  try {
    const choices = await drawnSelectChoices(page, 0);
    assert.deepEqual(
      choices.map((c) => `${c.kind} ${c.text}`),
      ['drawn 某市教育局', 'drawn 某市统计局', 'drawn 某市医疗保障局'],
    );
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page))!;
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    // The 教育局's and the 医疗保障局's lists are kept; the 统计局's lists no report.
    assert.deepEqual(
      chosen.requests.map((r) => new URL(r.url).searchParams.get('deptId')),
      ['102', '104'],
    );
  } finally {
    await page.close();
  }
});

// Ant Design's way of closing a dropdown: a class (`ant-select-dropdown-hidden`) its stylesheet hides, the dropdown left
// in place. The browser lane loads no stylesheet, so such a dropdown still has its size: the class tells it closed.
const classClosedPage = elementPage
  .replace("drop[id].style.display = '';", "drop[id].className = 'el-select-dropdown el-popper';")
  .replace("function close(id) { if (drop[id]) drop[id].style.display = 'none'; }", "function close(id) { if (drop[id]) drop[id].className = 'el-select-dropdown el-popper ant-select-dropdown-hidden'; }")
  .replace("drop[id] && drop[id].style.display !== 'none' ? close(id) : open(id);", "drop[id] && !/hidden/.test(drop[id].className) ? close(id) : open(id);")
  // The second box a year filter beside the first, not a pager's page-size box.
  .replace('<div class="el-pagination">', '<div class="filter-years">')
  .replace('<span class="el-pagination__sizes">', '<span class="year-box">')
  .replace("size: [['10', '10条/页'], ['20', '20条/页'], ['50', '50条/页']]", "size: [['2024', '2024年'], ['2023', '2023年']]")
  .replace("var chosen = { dept: '101', size: '10' };", "var chosen = { dept: '101', size: '2024' };");

test('a drawn dropdown closed by a class its (unloaded) stylesheet hides is read as closed: each box offers its own options', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  assert.notEqual(classClosedPage, elementPage);
  const page = await served(classClosedPage, deptAnswer);
  try {
    const choices = await drawnSelectChoices(page, 0);
    assert.deepEqual(
      choices.map((c) => `${c.kind} ${c.text}`),
      ['drawn 某市教育局', 'drawn 某市统计局', 'drawn 某市医疗保障局', 'drawn 2023年'],
    );
  } finally {
    await page.close();
  }
});

// Rows opening their article by a form: a POST form of hidden inputs (target=_blank, the title calling
// this.parentNode.submit()), a GET form submitted by requestSubmit(), and a POST form whose server reads the body only
// (its address with the fields in the query answers an error page).
const ROWS = [
  { id: 'a17', title: report('某县人民政府', 2024), form: 'post' },
  { id: 'b22', title: report('某县教育局', 2024), form: 'get' },
  { id: 'c35', title: report('某县财政局', 2023), form: 'post' },
];
const formPage = `<html><body><table><tbody>${ROWS.map(
  (r) =>
    r.form === 'post'
      ? `<tr><td><form method="post" action="/gk/showInfo.do" target="_blank"><input type="hidden" name="infoId" value="${r.id}"><input type="hidden" name="colId" value="88"><a href="javascript:void(0);" onclick="this.parentNode.submit()">${r.title}</a></form></td></tr>`
      : `<tr><td><form method="get" action="/gk/view.jsp?site=1" target="_blank"><input type="hidden" name="id" value="${r.id}"><span class="t" onclick="this.closest('form').requestSubmit()">${r.title}</span></form></td></tr>`,
).join('')}</tbody></table></body></html>`;
const formAnswer = (url: URL) => {
  const id = url.searchParams.get('infoId');
  // c35's server reads the posted body only: the query is not read.
  if (url.pathname === '/gk/showInfo.do') return id === 'a17' ? `<html><body><h1>${ROWS[0]!.title}</h1></body></html>` : '<html><body>参数错误</body></html>';
  return null;
};

test('rows opening their article by a form lead to its address: a GET form as the browser goes, a POST form by its fields only when that address answers with the title', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(formPage, formAnswer);
  try {
    const links = await clickedLinks(page, ROWS.map((r) => r.title));
    assert.deepEqual(
      links.map((l) => `${l.text} ${new URL(l.url).pathname}${new URL(l.url).search}`),
      [`${ROWS[0]!.title} /gk/showInfo.do?infoId=a17&colId=88`, `${ROWS[1]!.title} /gk/view.jsp?id=b22`],
    );
    // Nothing was submitted: the page is the list still, and its forms submit again once the probe is over.
    assert.equal(page.url(), PAGE);
    assert.equal(await page.evaluate(`HTMLFormElement.prototype.submit.toString().includes('[native code]')`), true);
  } finally {
    await page.close();
  }
});
