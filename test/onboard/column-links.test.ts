/** Which links lead towards annual-report columns, and the portal list file format. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkKind, sameColumnKey } from '../../src/onboard/column-links.ts';
import { parsePortalList } from '../../src/onboard/portal-list.ts';
import { ConfigError } from '../../src/errors.ts';

const U = 'http://gov.example/x/';

test('column labels under their many names are columns; reports, other annual reports and files are not', () => {
  for (const t of ['政府信息公开年报', '政府信息公开工作年度报告', '信息公开年报', '政务公开年报', '年度报告', '年报', '部门年报', '市教育局政府信息公开年报', '2024年度市直部门政府信息公开工作年度报告']) {
    assert.equal(linkKind(t, U, false), 'column', t);
  }
  assert.equal(linkKind('宜春市国防动员办公室2023年政府信息公开工作年度报告', U, false), null);
  assert.equal(linkKind('统计年报', U, false), null);
  assert.equal(linkKind('企业年度报告公示', U, false), null);
  assert.equal(linkKind('政府信息公开年报', 'http://gov.example/x/nb.pdf', false), null);
});

test('menus towards the columns are followed; guides and rules are not', () => {
  for (const t of ['政府信息公开', '政务公开', '法定主动公开内容', '信息公开目录']) assert.equal(linkKind(t, U, false), 'nav', t);
  for (const t of ['政府信息公开指南', '政府信息公开制度', '依申请公开', '首页', '互动交流']) assert.equal(linkKind(t, U, false), null, t);
});

test('under a report column that lists no reports: bare years are year columns, agency names department columns', () => {
  for (const t of ['2024', '2024年', '2023年度']) assert.equal(linkKind(t, U, true), 'year', t);
  assert.equal(linkKind('2024年', U, false), null);
  assert.equal(linkKind('市教育局', U, true), 'department');
  assert.equal(linkKind('市教育局', U, false), null);
  // Under a 部门信息公开 menu, an agency's name leads on to its pages.
  assert.equal(linkKind('市统计局', U, false, true), 'nav');
});

test('a directory and its index page are one column', () => {
  assert.equal(sameColumnKey('http://h/zwgk/nb/index.html'), 'http://h/zwgk/nb/');
  assert.equal(sameColumnKey('http://h/zwgk/nb/index.shtml'), 'http://h/zwgk/nb/');
  assert.equal(sameColumnKey('http://h/zwgk/nb/2024.html'), 'http://h/zwgk/nb/2024.html');
});

test('portal list files: URLs with comments; anything else is an error naming the line', () => {
  const lines = parsePortalList('# 河南省\nhttps://www.henan.gov.cn/   # 河南省人民政府 (unverified)\n\nhttp://www.zhengzhou.gov.cn/\n', 'henan.txt');
  assert.deepEqual(lines, [
    { url: 'https://www.henan.gov.cn/', label: '河南省人民政府 (unverified)' },
    { url: 'http://www.zhengzhou.gov.cn/', label: null },
  ]);
  assert.throws(() => parsePortalList('www.henan.gov.cn\n', 'henan.txt'), (e: unknown) => e instanceof ConfigError && /henan\.txt:1: not a URL/.test(e.message));
  assert.throws(() => parsePortalList('\nftp://x.gov.cn/\n', 'henan.txt'), /henan\.txt:2: must be an http\(s\) URL/);
});

test("a portal's hosts: its www. twin and sibling hosts of its domain, never a shared suffix or another port", async () => {
  const { withinPortal, startHosts } = await import('../../src/onboard/portal-hosts.ts');
  assert.equal(withinPortal('xxgk.ly.gov.cn', 'www.ly.gov.cn'), true);
  assert.equal(withinPortal('ly.gov.cn', 'www.ly.gov.cn'), true);
  assert.equal(withinPortal('www.henan.gov.cn', 'www.ly.gov.cn'), false);
  assert.equal(withinPortal('www.gov.cn', 'gov.cn'), false);
  assert.equal(withinPortal('xxgk.ly.gov.cn:8080', 'www.ly.gov.cn'), false);
  assert.equal(withinPortal('127.0.0.1:4001', '127.0.0.1:4000'), false);
  assert.deepEqual(startHosts('ly.gov.cn'), ['ly.gov.cn', 'www.ly.gov.cn']);
  assert.deepEqual(startHosts('127.0.0.1:4000'), ['127.0.0.1:4000']);
});
