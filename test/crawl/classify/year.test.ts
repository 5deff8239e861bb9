import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseReportYear, yearFromBody } from '../../../src/crawl/classify/year.ts';

const SEEDS = fileURLToPath(new URL('../../fixtures/seed-reports', import.meta.url));
const opts = { maxYear: 2026 };

const titleCases: ReadonlyArray<[string, number | null]> = [
  // the five seed titles
  ['宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告', 2023],
  ['周口市人防办 2023 年政府信息公开工作年度报告', 2023],
  ['山东省国防动员办公室\n2023年政府信息公开工作年度报告', 2023],
  ['涧西区国防动员办公室 2024 年政府信息公开工作年度报告', 2024],
  ['宜春市人民防空办公室\n\n2020年政府信息公开工作年度报告', 2020],
  // digits in other scripts
  ['四川省人民政府国防动员办公室２０２３年政府信息公开工作年度报告', 2023], // full-width
  ['二〇二三年政府信息公开工作年度报告', 2023],
  ['XX市统计局二○二二年政府信息公开工作年度报告', 2022], // ○ (white circle) as zero
  ['XX县人民政府二零二一年度政府信息公开工作年度报告', 2021],
  ['XX区民政局二O一九年政府信息公开年报', 2019], // Latin O
  ['XX区民政局二Ｏ一九年政府信息公开年报', 2019], // full-width O
  ['XX镇 二〇一五 年政府信息公开工作年度报告', 2015],
  // year shapes
  ['阜阳市人民防空办公室2013年度政府信息公开工作年度报告', 2013],
  ['2023年度阜阳市生态环境局政府信息公开工作年度报告', 2023], // year first
  ['2022年度政府信息公开工作年度报告', 2022],
  ['广东省人民防空办公室2016年度政府信息公开工作报告', 2016],
  ['吉林省人民防空办公室2014年政府信息公开年度报告', 2014],
  ['XX市人民政府办公室政府信息公开工作年度报告（2021）', 2021],
  ['XX市人民政府办公室政府信息公开工作年度报告2021', 2021], // a bare year after the report
  ['XX市人民政府办公室政府信息公开年报-2021', 2021],
  ['西城区人防办2020年政府信息公开工作年度报告', 2020],
  ['宜春市国防动员办公室2023年政府信息公开工作年度…', 2023], // cut by the list page
  // publication dates are not the reported year
  ['四川省人民政府国防动员办公室2023年政府信息公开工作年度报告（2024-01-18）', 2023],
  ['2024年1月9日 山东省国防动员办公室2023年政府信息公开工作年度报告', 2023],
  ['XX局政府信息公开工作年度报告 2024.01.20', null],
  ['XX局政府信息公开工作年度报告（发布日期：2024年1月20日）', null],
  ['XX局政府信息公开工作年度报告 二〇二四年一月', null],
  // out of range or absent
  ['XX局2006年政府信息公开工作年度报告', null],
  ['XX局2031年政府信息公开工作年度报告', null],
  ['XX局政府信息公开工作年度报告', null],
  ['政府信息公开年报', null],
];

for (const [title, expected] of titleCases) {
  test(`parseReportYear ${JSON.stringify(title)} → ${expected}`, () => {
    assert.equal(parseReportYear(title, opts), expected);
  });
}

test('parseReportYear defaults maxYear to the current year', () => {
  const now = new Date().getFullYear();
  assert.equal(parseReportYear(`XX局${now}年政府信息公开工作年度报告`), now);
  assert.equal(parseReportYear(`XX局${now + 1}年政府信息公开工作年度报告`), null);
});

test('yearFromBody reads the statistics period of the seeds that state one', () => {
  const found = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => yearFromBody(readFileSync(`${SEEDS}/${f}`, 'utf8'), opts));
  // seeds 000 and 004 state the period; 001–003 do not
  assert.deepEqual(found, [2023, null, null, null, 2020]);
});

const bodyCases: ReadonlyArray<[string, number | null]> = [
  ['本报告中所列数据的统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。', 2023],
  ['本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。', 2021],
  ['统计期限为２０１９年１月１日至２０１９年１２月３１日', 2019],
  ['数据统计时限为2018年1月1日至2018年12月14日', 2018], // counted up to mid-December
  ['统计期限为2022年1月1日至2023年12月31日', null], // spans two years: no confirmation
  ['2023年1月1日至2023年12月31日，共举办培训3次', null], // not the statistics period
  ['各单位于2024年1月31日前完成报告', null],
];
for (const [body, expected] of bodyCases) {
  test(`yearFromBody ${JSON.stringify(body)} → ${expected}`, () => {
    assert.equal(yearFromBody(body, opts), expected);
  });
}
