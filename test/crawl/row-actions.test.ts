/**
 * A table row whose title opens nothing, opened by an icon button (a magnifier in a link titled 查看, an eye in a
 * button whose event is "detail"): the probe clicks the title, then the row's control. Before, only a control reading
 * 查看 / 详情 was known: the icon rows' reports were said unlinked (the seed flagged), not read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickedLinks } from '../../src/crawl/learn/item-clicks.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/gk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;
const ROWS = [
  { id: 'a1', title: report('某市水利局', 2024), control: '<a href="javascript:;" class="op" title="查看"><i class="layui-icon layui-icon-search"></i></a>' },
  { id: 'b2', title: '某市水利局2024年部门预算', control: '<a href="javascript:;" class="op" title="查看"><i class="layui-icon layui-icon-search"></i></a>' },
  { id: 'c3', title: report('某市水利局', 2023), control: '<a href="javascript:;" class="op" title="查看"><i class="layui-icon layui-icon-search"></i></a>' },
];
const iconRows = (controls: string[]) => `<html><head><style>.layui-icon { display: inline-block; width: 16px; height: 16px; }</style></head><body><table class="list"><thead><tr><th>标题</th><th>日期</th><th>操作</th></tr></thead><tbody>
${ROWS.map((r, i) => `<tr data-id="${r.id}"><td><span class="t">${r.title}</span></td><td>2025-01-20</td><td>${controls[i]}</td></tr>`).join('\n')}
</tbody></table><script>
document.querySelector('tbody').addEventListener('click', function (e) {
  var c = e.target.closest('.op'); if (c) window.open('/gk/content/' + c.closest('tr').getAttribute('data-id') + '.html');
});
</script></body></html>`;

const browser = fileBrowser();

async function opensRows(controls: string[]): Promise<void> {
  const page = await servedPage(browser()!, PAGE, iconRows(controls), () => null);
  try {
    const links = await clickedLinks(page, [report('某市水利局', 2024), report('某市水利局', 2023)]);
    assert.deepEqual(
      links.map((l) => `${l.text} ${new URL(l.url).pathname}`),
      [`${report('某市水利局', 2024)} /gk/content/a1.html`, `${report('某市水利局', 2023)} /gk/content/c3.html`],
    );
  } finally {
    await page.close();
  }
}

test('a row opened only by an icon button titled 查看 (a magnifier) is opened by it', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  await opensRows(ROWS.map((r) => r.control));
});

test('a row opened only by an eye button whose event names the detail, drawn with no size (its font not loaded), is opened by it', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const eye = '<button type="button" class="op btn-xs" lay-event="detail" style="border:0;padding:0"><i class="fa fa-eye"></i></button>';
  await opensRows([eye, eye, eye]);
});
