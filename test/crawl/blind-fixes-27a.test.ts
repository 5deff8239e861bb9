/**
 * Round 27a's fixes (docs/blind-portals.md, "Round 27a"), each on hand-made input. An older ASP county site in GBK
 * links its attachments through a download page whose query holds the file's Chinese name written raw
 * (`DownLoad.asp?FileName=UploadFiles/…年度报告.doc`): a browser sends that query in the page's encoding (GBK), the
 * crawler sent it UTF-8 and stored the site's "文件不存在" page as the report's file. On Guangxi's 集约化 platform a
 * town's report titled by the town's bare name ("古宜镇2024年…") was catalogued under that bare name although the
 * page's publisher (发文单位) names the town's government in full. And a file link answered by a web page (the
 * download page's error page, HTTP 200) was stored as the report's file, the seed `ok`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { Attributor, townGovernment } from '../../src/crawl/attribution.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { namesDocument } from '../../src/crawl/stored-files.ts';
import { resolveLink, withPageEncoding } from '../../src/download/scope.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const PAGE = 'http://county.example/Article/ShowArticle.asp?ArticleID=12';
// 年度报告 in GBK: C4EA B6C8 B1A8 B8E6.
const GBK = '%C4%EA%B6%C8%B1%A8%B8%E6';

test('a query written raw in Chinese is sent in the page’s encoding, as a browser sends it; paths stay UTF-8', () => {
  assert.equal(resolveLink('/DownLoad.asp?FileName=UploadFiles/年度报告.doc', PAGE, 'gb18030'), `http://county.example/DownLoad.asp?FileName=UploadFiles/${GBK}.doc`);
  // The labels a page may carry, and a relative link with an ampersand and a fragment.
  assert.equal(resolveLink('down.asp?id=3&name=年度报告.pdf#x', PAGE, 'gbk'), `http://county.example/Article/down.asp?id=3&name=${GBK}.pdf`);
  // A UTF-8 page, an unknown encoding, an ASCII or already percent-encoded query: as before (UTF-8).
  const utf8 = 'http://county.example/DownLoad.asp?FileName=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.doc';
  assert.equal(resolveLink('/DownLoad.asp?FileName=年度报告.doc', PAGE, 'utf-8'), utf8);
  assert.equal(resolveLink('/DownLoad.asp?FileName=年度报告.doc', PAGE), utf8);
  assert.equal(resolveLink('/DownLoad.asp?FileName=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.doc', PAGE, 'gb18030'), utf8);
  assert.equal(resolveLink('/down.asp?id=7', PAGE, 'gb18030'), 'http://county.example/down.asp?id=7');
  // The path of a link is UTF-8 whatever the page's encoding.
  assert.equal(resolveLink('/UploadFiles/年度报告.doc', PAGE, 'gb18030'), 'http://county.example/UploadFiles/%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.doc');
  // Big5 is read the same way (a table built from Node's decoder).
  assert.equal(resolveLink('/d.asp?f=年度.doc', PAGE, 'big5'), 'http://county.example/d.asp?f=%A6%7E%AB%D7.doc');
});

test('a GBK report page’s download link is asked in GBK: the attachment’s address as the browser would ask it', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<div class="nav"><a href="/">首页</a></div>
<table><tr><td class="article_title">西峡县教育体育局2024年度政府信息公开工作年度报告</td></tr>
<tr><td class="article_content"><p>现将报告全文予以公开，请点击下载附件查看。</p>
<p>附件：<a href="/Article/DownLoad.asp?FileName=UploadFiles/202501/年度报告.doc">年度报告.doc</a></p></td></tr></table></body></html>`;
  const want = `http://county.example/Article/DownLoad.asp?FileName=UploadFiles/202501/${GBK}.doc`;
  assert.deepEqual(
    withPageEncoding('gb18030', () => findAttachments(loadHtml(html), PAGE)).map((a) => a.url),
    [want],
  );
  // Through the detail page, as the crawl reads it (the encoding the HTTP client decoded the page from).
  assert.deepEqual(
    withPageEncoding('gb18030', () => parseDetailPage(html, PAGE)).attachments.map((a) => [a.url, a.name]),
    [[want, '年度报告.doc']],
  );
});

test('a town named bare in the title is the government its page’s publisher names in full', () => {
  assert.equal(townGovernment('古宜镇', '三江侗族自治县古宜镇人民政府'), '三江侗族自治县古宜镇人民政府');
  assert.equal(townGovernment('城关街道', '某县城关街道办事处'), '某县城关街道办事处');
  assert.equal(townGovernment('古宜镇', '古宜镇人民政府'), '古宜镇人民政府');
  // Another town, another kind of publisher, a name that is no town, no publisher: the title's name as it is.
  assert.equal(townGovernment('古宜镇', '三江侗族自治县丹洲镇人民政府'), '古宜镇');
  assert.equal(townGovernment('古宜镇', '三江侗族自治县人民政府办公室'), '古宜镇');
  assert.equal(townGovernment('三江县林业局', '三江侗族自治县林业局'), '三江县林业局');
  assert.equal(townGovernment('古宜镇', null), '古宜镇');

  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '三江侗族自治县人民政府', nameKey: '三江侗族自治县人民政府', division: '450226', level: 'county', province: '广西壮族自治区', city: '柳州市', county: '三江侗族自治县' });
  const at = new Attributor(c);
  const got = at.attribute({ title: '古宜镇2024年政府信息公开工作年度报告', publisher: '三江侗族自治县古宜镇人民政府', siteAgency: county })!;
  assert.deepEqual([got.agency.name, got.agency.division, got.year, got.via], ['三江侗族自治县古宜镇人民政府', '450226', 2024, 'title']);
  // Its report of another year titled with the full name is the same agency's.
  const again = at.attribute({ title: '古宜镇人民政府2023年政府信息公开工作年度报告', siteAgency: county })!;
  assert.equal(again.agency.id, got.agency.id);
  c.close();
});

test('a file link answered by a web page is no file: not stored, the seed flagged short', { timeout: 120_000 }, async () => {
  assert.equal(namesDocument('http://h/Article/DownLoad.asp?FileName=UploadFiles/a.doc', null), true);
  assert.equal(namesDocument('http://h/down.asp?id=3', '2024年度报告.pdf'), true);
  assert.equal(namesDocument('http://h/files/report.PDF', null), true);
  // A link naming no document (a page, a picture, an id) may well answer a page.
  assert.equal(namesDocument('http://h/down.asp?id=3', '点击下载'), false);
  assert.equal(namesDocument('http://h/a/scan.jpg', null), false);

  const title = '淅川县人民政府2024年政府信息公开工作年度报告';
  const p: BlindPortal = {
    id: 'fix27a-page-for-file',
    pattern: 'a report page whose PDF link answers the download page’s error page (HTTP 200)',
    agency: { name: '淅川县人民政府', division: '411326', level: 'county', province: '河南省', city: '南阳市', county: '淅川县' },
    seedPath: '/nb/index.html',
    expected: [{ agency: '淅川县人民政府', year: 2024 }],
    routes: {
      'GET /nb/index.html': { body: page('淅川县人民政府', '信息公开年报', `<ul class="list"><li><a href="/nb/2025/118.html">${title}</a><span>2025-01-20</span></li></ul>`) },
      'GET /nb/2025/118.html': { body: detail('淅川县人民政府', { title, publisher: '淅川县人民政府办公室', date: '2025-01-20', body: `${reportText('淅川县人民政府', '2024年度')}<p>附件：<a href="/down.asp?id=118">${title}.pdf</a></p>` }) },
      'GET /down.asp': { body: page('淅川县人民政府', '错误信息', '<p>对不起，您要下载的文件不存在或已被删除！</p>') },
    },
  };
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix27a-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const [seed] = (JSON.parse(status.out) as { seeds: { healthy: boolean; last: { status: string; reason: string | null } }[] }).seeds;
    assert.equal(seed!.healthy, false);
    assert.equal(seed!.last.status, 'short');
    assert.match(seed!.last.reason ?? '', /answered a web page, not the document they name/);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    // The report is there, by its page; no attachment row (the error page is not its file).
    assert.match(csv, /淅川县人民政府,.*,2024,/);
    assert.doesNotMatch(csv, /,attachment,/);
    // Nor are its bytes in the file store: every stored file is one the catalog names.
    const c = Catalog.open(path.join(storage, 'catalog.sqlite'));
    try {
      const stored = readdirSync(path.join(storage, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      assert.ok(stored.length >= 1, 'the report page is stored');
      for (const e of stored) assert.ok(c.files.get(e.name.split('.')[0]!), `${e.name} is stored but no catalog row names it`);
    } finally {
      c.close();
    }
  } finally {
    await portal.close();
  }
});
