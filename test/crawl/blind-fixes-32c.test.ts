/**
 * Round 32c's fixes (docs/blind-portals.md, "Round 32c: seeds a new user gives"), on hand-made input:
 * 1. a seed address typed with full-width URL marks (`list.jsp？cid=12`, `＆`, `＝`, `http：／／`) is read as the
 *    ASCII address (before: asked as written, a 404, the seed `empty`);
 * 2. a search service's answer whose titles carry the keyword's highlight marks (`<em>年度报告</em>`, `<font
 *    color="red">`) is read by its titles and links, not by each result's channel (before: the channel's name and
 *    address were taken for the item, the results' pages never read, the seed `short`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList } from '../../src/crawl/learn/list-shape.ts';
import { parseSeedsText } from '../../src/registry/seeds-file.ts';

const seedsWith = (...urls: string[]) =>
  `agencies:\n  - name: 测试县人民政府\n    division: "370829"\n    level: county\n    entries:\n${urls.map((u) => `      - url: "${u}"\n`).join('')}`;

test('a seed address typed with full-width ？＆＝＃ or http：／／ is read as its ASCII address; Chinese paths and other full-width text are kept', () => {
  const urls = parseSeedsText(
    seedsWith(
      'http://x.gov.cn/xxgk/list.jsp？cid=1205',
      'http://x.gov.cn/list.jsp？cid＝12＆page＝2',
      'http：／／x.gov.cn/zwgk/nb/index.html',
      'http://x.gov.cn/zwgk/nb/index.html＃list',
      'http://x.gov.cn/xxgk/list.jsp？cid=7　',
      'http://x.gov.cn/xxgk/乡镇/年报（2023年）/index.html',
      'http://x.gov.cn/s.jsp?q=年报？',
    ),
    'seeds/t.yaml',
  )[0]!.entries.map((e) => decodeURI(e.url));
  assert.deepEqual(urls, [
    'http://x.gov.cn/xxgk/list.jsp?cid=1205',
    'http://x.gov.cn/list.jsp?cid=12&page=2',
    'http://x.gov.cn/zwgk/nb/index.html',
    'http://x.gov.cn/zwgk/nb/index.html#list',
    'http://x.gov.cn/xxgk/list.jsp?cid=7',
    // Chinese in a path, full-width parentheses in a name, a full-width ？ inside a query value: as written.
    'http://x.gov.cn/xxgk/乡镇/年报（2023年）/index.html',
    'http://x.gov.cn/s.jsp?q=年报？',
  ]);
});

test('a search answer whose titles carry highlight marks is read by its titles and links, not by each result\'s channel', () => {
  const base = 'http://x.gov.cn/search/index.html?q=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A';
  const answer = {
    code: 200,
    data: {
      total: 9,
      items: [
        { title: '某县人民政府2024年政府信息公开工作<em>年度报告</em>', url: '/zwgk/nb/202501/t20250123_1.html', channel: '政府信息公开年报', channelUrl: '/zwgk/nb/index.html', date: '2025-01-23', summary: '现公布某县2024<em>年度</em>政府信息公开工作<em>年度报告</em>……' },
        { title: '某县2024年统计<em>年报</em>', url: '/zwgk/tj/202501/t20250110_2.html', channel: '统计信息', channelUrl: '/zwgk/tj/index.html', date: '2025-01-10', summary: '某县2024年统计年报……' },
        { title: '某县教育局2024年政府信息公开工作<font color="red">年度报告</font>', url: '/zwgk/nb/202501/t20250121_3.html', channel: '政府信息公开年报', channelUrl: '/zwgk/nb/index.html', date: '2025-01-21', summary: '……' },
        { title: '某县人民政府网站2024<span class="hl">年度</span>工作报表', url: '/zwgk/bb/202501/t20250120_4.html', channel: '政府网站工作年度报表', channelUrl: '/zwgk/bb/index.html', date: '2025-01-20', summary: '……' },
        { title: '某县2025年政务公开工作要点', url: '/zwgk/yd/202503/t20250315_5.html', channel: '年度工作要点', channelUrl: '/zwgk/yd/index.html', date: '2025-03-15', summary: '……' },
      ],
    },
  };
  const found = findJsonList(answer, base);
  assert.ok(found, 'a list is found');
  assert.deepEqual(
    found.items.map((i) => [i.title, new URL(i.url).pathname]),
    [
      ['某县人民政府2024年政府信息公开工作年度报告', '/zwgk/nb/202501/t20250123_1.html'],
      ['某县2024年统计年报', '/zwgk/tj/202501/t20250110_2.html'],
      ['某县教育局2024年政府信息公开工作年度报告', '/zwgk/nb/202501/t20250121_3.html'],
      ['某县人民政府网站2024年度工作报表', '/zwgk/bb/202501/t20250120_4.html'],
      ['某县2025年政务公开工作要点', '/zwgk/yd/202503/t20250315_5.html'],
    ],
  );
  // Titles with no marks at all are read as before.
  const plain = findJsonList({ rows: answer.data.items.map((i) => ({ ...i, title: i.title.replace(/<[^>]+>/g, '') })) }, base);
  assert.deepEqual(
    plain?.items.map((i) => i.title),
    found.items.map((i) => i.title),
  );
});
