/**
 * `nianbao probe URL --json` on the fixture portal: a list page (verdicts, rules, years and agencies, the next
 * request), a Hanweb list (the next request is a POST with its form body), a report page (fields, attachments),
 * a JavaScript application shell (rendered: its captured XHR and the items of the rendered DOM) and a page behind
 * an anti-bot challenge (the browser lane's, and what the browser sees past it). Nothing is written anywhere.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import type { UrlProbe } from '../../src/onboard/probe.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
const chromium = loadConfig({}, { NIANBAO_CHROMIUM: process.env.NIANBAO_CHROMIUM }).chromiumPath;
const noBrowser = existsSync(chromium) ? false : `no Chromium at ${chromium}`;
const cwd = tempDir();

let portal: Portal;
before(async () => {
  portal = await startPortal();
});
after(() => portal.close());

function probe(site: string, p: string, ...flags: string[]): Promise<UrlProbe> {
  return probeAt(`${portal.urls[site]}${p}`, ...flags);
}

function probeAt(url: string, ...flags: string[]): Promise<UrlProbe> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, 'probe', url, '--json', '--host-delay', '50', ...flags],
      { cwd, encoding: 'utf8', timeout: 120_000 },
      (error, out, err) => (error ? reject(new Error(`probe failed: ${err}`)) : resolve(JSON.parse(out) as UrlProbe)),
    );
  });
}

test('a list page: family and its signal, every item with its verdict and rule, year and agency sourced, next request', async () => {
  const r = await probe('trs-yichun', '/zwgk/zfxxgknb/index.html');
  const page = r.page!;
  assert.equal(page.kind, 'list');
  assert.equal(page.family.family, 'trs');
  assert.match(page.family.decidedBy, /TRS pager/);
  assert.deepEqual(page.site, { value: '宜春市国防动员办公室', from: 'meta SiteName' });
  const report = page.items.find((i) => i.title === '宜春市国防动员办公室2023年政府信息公开工作年度报告')!;
  assert.equal(report.report, true);
  assert.match(report.rule, /政府信息公开工作年度报告/);
  assert.deepEqual(report.year, { value: 2023, from: 'title' });
  assert.deepEqual(report.agency, { value: '宜春市国防动员办公室', from: 'title' });
  const decoy = page.items.find((i) => i.title.startsWith('一图读懂'))!;
  assert.equal(decoy.report, false);
  assert.match(decoy.rule, /interpretation material/);
  assert.deepEqual(page.next, [{ url: `${portal.urls['trs-yichun']}/zwgk/zfxxgknb/index_1.html`, method: 'GET', body: null }]);
  assert.deepEqual(page.browser.takes, false);
});

test('a Hanweb list page: the next list request is a POST to the dataproxy with its form body', async () => {
  const page = (await probe('hanweb-jiangsu', '/col/col33718/index.html')).page!;
  assert.equal(page.family.family, 'hanweb');
  const next = page.next[0]!;
  assert.equal(next.method, 'POST');
  assert.match(next.url, /\/module\/web\/jpage\/dataproxy\.jsp\?startrecord=5&endrecord=8/);
  assert.match(next.body ?? '', /columnid=33718/);
});

test('a report page: its title rule, year and agency with their sources, publisher and attachments', async () => {
  const page = (await probe('trs-yichun', '/zwgk/zfxxgknb/202312/t20231220_5190017.html')).page!;
  assert.equal(page.kind, 'report');
  const r = page.report!;
  assert.equal(r.title, '宜春市国防动员办公室2023年政府信息公开工作年度报告');
  assert.deepEqual(r.year, { value: 2023, from: 'title' });
  assert.deepEqual(r.agency, { value: '宜春市国防动员办公室', from: 'title' });
  assert.equal(r.publisher, '宜春市国防动员办公室');
  assert.equal(r.attachments.length, 1);
  assert.match(r.attachments[0]!.url, /\/P0\d+\.pdf$/);
  assert.equal(r.attachments[0]!.name, '宜春市国防动员办公室2023年政府信息公开工作年度报告.pdf');
});

test('a URL that answers a document: read by the extraction stage, tables and checks, nothing kept', async () => {
  const page = (await probe('trs-yichun', '/zwgk/zfxxgknb/202312/t20231220_5190017.html')).page!;
  const r = await probeAt(page.report!.attachments[0]!.url);
  assert.equal(r.page, null);
  const d = r.document!;
  assert.equal(d.mediaType, 'pdf');
  assert.equal(d.status, 'extracted');
  assert.ok(d.template === '2019' || d.template === '2021');
  assert.ok(Object.keys(d.tables.s3).length > 100);
  assert.ok(d.checks.length > 0 && d.checks.every((c) => c.ok !== false));
  assert.match(d.path, /^P0\d+\.pdf$/);
});

test('a JavaScript page, rendered: the XHR it made is captured and the rendered DOM lists the reports', { skip: noBrowser }, async () => {
  const r = await probe('jsapi-xuchang', '/xxgk/zfxxgknb/index.html', '--render');
  assert.equal(r.page!.family.family, 'jsapi');
  assert.equal(r.page!.items.length, 0);
  assert.match(r.page!.next[0]!.url, /\/api\/content\/list\?channelId=zfxxgknb&page=1&size=3$/);
  const x = r.rendered!.exchanges;
  assert.equal(x.length, 1);
  assert.equal(x[0]!.method, 'GET');
  assert.match(x[0]!.url, /\/api\/content\/list\?/);
  assert.equal(x[0]!.status, 200);
  assert.match(x[0]!.contentType ?? '', /application\/json/);
  assert.ok(x[0]!.size > 100);
  assert.equal(JSON.parse(x[0]!.bodyPreview).data.total, 7);
  const reports = r.rendered!.page.items.filter((i) => i.report).map((i) => i.title);
  assert.deepEqual(reports, ['许昌市国防动员办公室2023年政府信息公开工作年度报告']);
});

test('a challenged page: the browser lane takes it, and past the challenge the browser sees the list', { skip: noBrowser }, async () => {
  const r = await probe('antibot-nanyang', '/zwgk/gknb/index.html', '--render');
  assert.equal(r.status, 412);
  assert.equal(r.page!.kind, 'challenge');
  assert.equal(r.page!.browser.takes, true);
  assert.match(r.page!.browser.why, /anti-bot challenge/);
  assert.equal(r.rendered!.status, 200);
  const reports = r.rendered!.page.items.filter((i) => i.report);
  assert.deepEqual(
    reports.map((i) => [i.year?.value, i.agency?.value]),
    [
      [2023, '南阳市国防动员办公室'],
      [2022, '南阳市人民防空办公室'],
    ],
  );
});

test('a challenged page without --render: explained, no browser started', async () => {
  const r = await probe('antibot-nanyang', '/zwgk/gknb/index.html');
  assert.equal(r.page!.kind, 'challenge');
  assert.equal(r.rendered, undefined);
});

test('probe writes nothing: no storage directory appears where it runs', () => {
  assert.deepEqual(readdirSync(cwd), []);
});

test('robots.txt is obeyed: a Disallowed page is not fetched, one line says why, exit 1', async () => {
  const before = portal.log.length;
  const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
    execFile(process.execPath, [BIN, 'probe', `${portal.urls['trs-yichun']}/search/?q=年报`, '--host-delay', '50'], { cwd, encoding: 'utf8', timeout: 60_000 }, (error, _out, err) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, err }),
    );
  });
  assert.equal(r.code, 1);
  assert.match(r.err, /^nianbao: probe: robots: disallowed by robots\.txt/);
  assert.deepEqual(portal.log.slice(before).map((l) => l.url), ['/robots.txt']);
});
