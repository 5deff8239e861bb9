import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyFromHeading, agencyFromTitle, publisherName } from '../../../src/crawl/classify/agency.ts';

const cases: ReadonlyArray<[string, string | null]> = [
  // the five seed titles
  ['宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告', '宜春市国防动员办公室'],
  ['周口市人防办 2023 年政府信息公开工作年度报告', '周口市人防办'],
  ['山东省国防动员办公室\n2023年政府信息公开工作年度报告', '山东省国防动员办公室'],
  ['涧西区国防动员办公室 2024 年政府信息公开工作年度报告', '涧西区国防动员办公室'],
  ['宜春市人民防空办公室\n\n2020年政府信息公开工作年度报告', '宜春市人民防空办公室'],
  // year shapes
  ['2023年度阜阳市生态环境局政府信息公开工作年度报告', '阜阳市生态环境局'],
  ['临沂市国防动员办公室2023年度政府信息公开工作年度报告', '临沂市国防动员办公室'],
  ['四川省人民政府国防动员办公室２０２３年政府信息公开工作年度报告', '四川省人民政府国防动员办公室'],
  ['昭通市应急管理局二〇二三年政府信息公开年报', '昭通市应急管理局'],
  ['昆明市人力资源和社会保障局2021年度政府信息公开工作报告', '昆明市人力资源和社会保障局'],
  ['XX县人民政府2023年政务公开工作年度报告', 'XX县人民政府'],
  ['重庆市人民防空办公室政府信息公开年报', '重庆市人民防空办公室'], // no year
  // wrappers, notes and connectors
  ['泰州市人民政府关于2017年度政府信息公开工作情况的报告', '泰州市人民政府'],
  ['关于宜春市国防动员办公室2023年政府信息公开工作年度报告', '宜春市国防动员办公室'],
  // a notice publishing the report: the verb is not part of the name (blind round 6a)
  ['关于公布洛阳市市场监督管理局2019年政府信息公开工作年度报告的公告', '洛阳市市场监督管理局'],
  ['关于发布容城县教育局2022年度政府信息公开工作年度报告的通知', '容城县教育局'],
  ['公布宜春市国防动员办公室2023年政府信息公开工作年度报告', '宜春市国防动员办公室'],
  ['《洛阳市涧西区人民政府2024年政府信息公开工作年度报告》', '洛阳市涧西区人民政府'],
  ['【周口市人防办】2023年政府信息公开工作年度报告', '周口市人防办'],
  ['周口市人民政府2023年政府信息公开工作年度报告（2024-03-28）', '周口市人民政府'],
  ['2024年1月9日 山东省国防动员办公室2023年政府信息公开工作年度报告', '山东省国防动员办公室'],
  ['石狮市教育局：2023年政府信息公开工作年度报告（全文）', '石狮市教育局'],
  ['南平市人民政府 — 2012 年政府信息公开工作报告', '南平市人民政府'],
  ['上海市黄浦区人民政府2022年政府信息公开和政务公开工作年度报告', '上海市黄浦区人民政府'],
  ['中共周口市委机构编制委员会办公室2023年度政府信息公开工作年度报告', '中共周口市委机构编制委员会办公室'],
  // cut by a list page
  ['宜春市国防动员办公室2023年政府信息公开工作年度…', '宜春市国防动员办公室'],
  ['宜春市国防动员办公室2023年政府信…', '宜春市国防动员办公室'],
  // no agency
  ['2023年政府信息公开工作年度报告', null],
  ['2022年度政府信息公开工作年度报告', null],
  ['政府信息公开年报', null],
  ['本机关2023年政府信息公开工作年度报告', null],
  ['宜春市国防动员办公室', null], // no subject and no year: where would the name end?
  ['', null],
];

for (const [title, expected] of cases) {
  test(`agencyFromTitle ${JSON.stringify(title)} → ${expected}`, () => {
    assert.equal(agencyFromTitle(title), expected);
  });
}


const headings: ReadonlyArray<[string, string | null]> = [
  // two heading lines, squashed into the body text
  ['洪泽区人民政府 2023 年政府信息公开工作年度报告 本报告由区人民政府办公室编制。', '洪泽区人民政府'],
  ['首页 > 信息公开 > 年报 涧西区人民政府 二〇二三年政府信息公开工作年度报告 一、总体情况', '涧西区人民政府'],
  ['鄂尔多斯市恩格贝生态示范区 2019年度政府信息公开工作年度报告', '鄂尔多斯市恩格贝生态示范区'],
  // narratives name nobody
  ['根据《条例》要求，现将我局2023年政府信息公开工作年度报告公布如下。', null],
  ['我局2023年政府信息公开工作年度报告如下', null],
  ['根据《中华人民共和国政府信息公开条例》规定，现公布容城县教育局2023年政府信息公开工作年度报告。', null],
  ['本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》编制 2023年政府信息公开工作年度报告', null],
  // the subject far into the text is no heading
  [`${'本年度工作情况。'.repeat(20)}洛阳市统计局2023年政府信息公开工作年度报告`, null],
];
for (const [text, expected] of headings) {
  test(`agencyFromHeading ${JSON.stringify(text.slice(0, 40))} → ${expected}`, () => assert.equal(agencyFromHeading(text), expected));
}

const publishers: ReadonlyArray<[string | null, string | null]> = [
  ['南阳市国防动员办公室', '南阳市国防动员办公室'],
  ['南阳市国防动员办公室  发布时间：2024-01-26', '南阳市国防动员办公室'],
  ['洛阳市教育局 | 浏览次数：102', '洛阳市教育局'],
  // a date in the next span, glued to the name by the cell's text (round 100c's mobile pages)
  ['重庆市江津区乡村振兴局2024-01-19', '重庆市江津区乡村振兴局'],
  ['重庆市江津区乡村振兴局2024年1月19日', '重庆市江津区乡村振兴局'],
  ['本网', null],
  ['本站', null],
  ['人民网', null],
  ['我局', null],
  ['', null],
  [null, null],
];
for (const [raw, expected] of publishers) {
  test(`publisherName ${JSON.stringify(raw)} → ${expected}`, () => assert.equal(publisherName(raw), expected));
}
