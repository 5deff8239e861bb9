/**
 * Report titles a list page shows with no followable link (unlinked-titles.ts): said, never silently dropped; the
 * titles a link carries, the page's chrome and headings, and other notices are not counted.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { unlinkedReportTitles } from '../../src/crawl/unlinked-titles.ts';

const isReport = (t: string) => classifyTitle(t).isReport;
const at = 'http://a.gov.cn/xxgk/nb/index.html';
const page = (list: string) => `<html><head><title>政府信息公开年报_某县人民政府</title></head><body>
<div class="breadcrumb">首页 &gt; 政府信息公开 &gt; 2024年政府信息公开年报</div>
<h2>2024年度政府信息公开工作年度报告专栏</h2>
<div class="side"><ul><li><a href="/other/1.html">某市2023年政府信息公开工作年度报告</a></li></ul></div>
<div class="list">${list}</div>
<div class="footer">某县人民政府 2024年 版权所有</div></body></html>`;
const unlinked = (html: string) => unlinkedReportTitles(html, parseListItems(html, at).map((i) => i.title), isReport);

test('report titles drawn without a link (rows clicked by script, a link the template left out) are found', () => {
  const html = page(`<ul>
<li><a href="./202401/t1.html">某县人民政府2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>
<li onclick="show(this)" data-k="x7"><span class="t">某县人民政府2022年政府信息公开工作年度报告</span><span>2023-01-18</span></li>
<li class="item"><span>2021年度</span><em>某县人民政府</em>政府信息公开工作年度报告</li>
<li onclick="show(this)"><span class="t">某县2024年政务公开工作要点</span></li>
</ul>`);
  assert.deepEqual(unlinked(html), ['某县人民政府2022年政府信息公开工作年度报告', '2021年度某县人民政府政府信息公开工作年度报告']);
});

test('a title a link carries (its cut text, a hidden full title beside it), a sentence a link cuts, and a page with every report linked give nothing', () => {
  const html = page(`<ul>
<li><a href="./202401/t1.html" title="某县人民政府2023年政府信息公开工作年度报告">某县人民政府2023年政府信息公开…</a></li>
<li><a href="./202301/t2.html">某县人民政府2022年政府信息公开…</a><span style="display:none">某县人民政府2022年政府信息公开工作年度报告</span></li>
<li><a href="javascript:void(0)">某县人民政府2021年政府信息公开工作年度报告</a></li>
</ul><p>本栏目发布某县人民政府各年度政府信息公开工作年度报告。</p>
<div class="intro">根据《中华人民共和国政府信息公开条例》规定，现公布某县人民政府2023年政府信息公开工作年度报告。</div>
<p class="tip">2020年及以前年度的政府信息公开工作年度报告请至<a href="http://old.example.gov.cn/nb/">历史网站</a>查阅。</p>`);
  assert.deepEqual(unlinked(html), []);
  // The cheap test: a page whose report titles are all inside links is not even parsed.
  assert.deepEqual(unlinkedReportTitles('<ul><li><a href="/a.html">某县2023年政府信息公开工作年度报告</a></li></ul>', [], () => true), []);
});

const AGENCY = '某县统计局';
const listPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${AGENCY}</title></head><body>
<ul class="list">
<li><a href="./202501/t20250120_1.html">${AGENCY}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li>
<li class="row" data-doc="8812"><span class="t">${AGENCY}2023年政府信息公开工作年度报告</span><span>2024-01-19</span></li>
<li class="dead"><span class="t">${AGENCY}2022年政府信息公开工作年度报告</span><span>2023-01-18</span></li>
</ul>
<script>
document.querySelectorAll('li.row').forEach(function (li) {
  li.addEventListener('click', function () { location.href = './doc/' + li.dataset.doc + '.html'; });
});
</script>
</body></html>`;
const article = (title: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p></body></html>`;

async function crawlList(browser: boolean) {
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    const send = (body: string, status = 200): void => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (url === '/nb/index.html') return send(listPage);
    if (url === '/nb/202501/t20250120_1.html') return send(article(`${AGENCY}2024年政府信息公开工作年度报告`));
    if (url === '/nb/doc/8812.html') return send(article(`${AGENCY}2023年政府信息公开工作年度报告`));
    return send('not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/nb/index.html\n        family: auto\n\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage, ...(browser ? {} : { chromiumPath: path.join(dir, 'no-chromium') }) }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      return { seed: catalog.seedHealth.seedRuns(summary.runId)[0]!, years: catalog.reports.all().map((r) => r.year).sort() };
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
}

test('a row drawn with no link whose click a script binds: the browser clicks it and its report is read; a row leading nowhere is said', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const { seed, years } = await crawlList(true);
  assert.deepEqual(years, [2023, 2024]);
  assert.equal(seed.usedBrowser, true);
  assert.equal(seed.status, 'short');
  assert.match(seed.reason ?? '', /1 report title\(s\) on its list pages have no link that could be followed \(某县统计局2022年政府信息公开工作年度报告\), nor by a click in the browser/);
});

test('without a browser, report titles with no link are said, never a silent ok', async () => {
  const { seed, years } = await crawlList(false);
  assert.deepEqual(years, [2024]);
  assert.equal(seed.status, 'short');
  assert.match(seed.reason ?? '', /2 report title\(s\) on its list pages have no link that could be followed \(某县统计局2023年政府信息公开工作年度报告, …\), and no browser drew its page to click them/);
});
