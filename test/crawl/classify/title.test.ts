import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../../src/crawl/classify/title.ts';

const REPORTS: readonly string[] = [
  // "关于…工作的年度报告": the report titled as a submission.
  '关于2023年政府信息公开工作的年度报告',
  // a bare year after the report (blind round 6a)
  '某市人民政府办公室政府信息公开工作年度报告2021',
  '某县人民政府关于2024年度政务公开工作的年度报告',
  '某市统计局关于2022年信息公开工作的年度报告',
  // the five seed titles, as they open the seed texts
  '宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告',
  '周口市人防办 2023 年政府信息公开工作年度报告',
  '山东省国防动员办公室\n2023年政府信息公开工作年度报告',
  '涧西区国防动员办公室 2024 年政府信息公开工作年度报告',
  '宜春市人民防空办公室\n\n2020年政府信息公开工作年度报告',
  // standard shapes
  '四川省人民政府国防动员办公室2023年政府信息公开工作年度报告',
  '四川省人民防空办公室2022年政府信息公开工作年度报告',
  '北京市西城区人民防空办公室2020年政府信息公开工作年度报告',
  '临沂市国防动员办公室2023年度政府信息公开工作年度报告',
  '2023年度阜阳市生态环境局政府信息公开工作年度报告',
  '2023年政府信息公开工作年度报告',
  '周口市人民政府2023年政府信息公开工作年度报告（2024-03-28）',
  '【周口市人防办】2023年政府信息公开工作年度报告',
  '《洛阳市涧西区人民政府2024年政府信息公开工作年度报告》',
  '广州市人民防空办公室2020年政府信息公开工作年度报告',
  '朔州市人民政府国防动员办公室2023年政府信息公开工作年度报告',
  '石狮市教育局2023年政府信息公开工作年度报告',
  '两江新区规划自然资源局2025年度政府信息公开工作年度报告',
  '四平市人民防空办公室2025年政府信息公开工作年度报告',
  '南昌市国有资产监督管理委员会2023年政府信息公开工作年度报告',
  '宜春市统计局2022年政府信息公开工作年度报告',
  '中共周口市委机构编制委员会办公室2023年度政府信息公开工作年度报告',
  '济南市市中区人民政府2023年政府信息公开工作年度报告',
  '咸宁市人民防空办公室2018年政府信息公开工作年度报告',
  // other suffixes
  '昆明市人力资源和社会保障局2021年度政府信息公开工作报告',
  '延安市教育局2022年政府信息公开年度报告',
  '吉林省人民防空办公室2014年政府信息公开年度报告',
  '重庆市人民防空办公室2019年政府信息公开年报',
  '昭通市应急管理局二〇二三年政府信息公开年报',
  'XX县人民政府2023年政务公开工作年度报告',
  '上海市黄浦区人民政府2022年政府信息公开和政务公开工作年度报告',
  '中国证监会2023年政府信息公开工作年度报告',
  '国家税务总局河南省税务局2023年信息公开工作年度报告',
  // the 2008–2018 era
  '阜阳市人民防空办公室2013年度政府信息公开工作年度报告',
  '福州市晋安区2016年政府信息公开工作年度报告',
  '南平市人民政府2012年政府信息公开工作报告',
  '岳阳市财政局2015年政府信息公开工作情况报告',
  '泰州市人民政府关于2017年度政府信息公开工作情况的报告',
  '广东省人民防空办公室2016年度政府信息公开工作报告',
  '宁国市人民政府办公室二〇〇九年政府信息公开工作年度报告',
  // numerals and spacing
  '山东省国防动员办公室２０２３年政府信息公开工作年度报告',
  '宜春市民政局 二○二二 年 政府信息公开 工作年度报告',
  '某县住房和城乡建设局二零二一年度政府信息公开工作年度报告',
  // a part of the report published as an item of its own (blind round 7a): the report's
  '某市水务局2023年政府信息公开工作年度报告附件：统计表',
  '某县人民政府2023年政府信息公开工作年度报告（附表）',
  '某局2022年度政府信息公开工作年度报告附件1：政府信息公开情况统计表',
  // cut short by the list page, but unambiguous
  '宜春市国防动员办公室2023年政府信息公开工作年度…',
  '宜春市国防动员办公室2023年政府信息公开工作年度报...',
  '洛阳市涧西区国防动员办公室2024年度政府信息公开工作报…',
  '吉林省人民防空办公室2014年政府信息公开年度报⋯',
  '周口市人防办2023年政府信息公开工作年度报告(全文)…',
  // the corrected report republished (blind round 40a): still the report
  '某县2021年政府信息公开工作年度报告（更正版）',
  '某县人民政府2021年政府信息公开工作年度报告（更正后）',
];

const NOT_REPORTS: readonly string[] = [
  // budgets and final accounts
  '宜春市国防动员办公室2023年部门决算',
  '周口市人民防空办公室2024年部门预算公开',
  '山东省国防动员办公室2022年度部门决算公开说明',
  // notices about compiling or publishing reports
  '关于做好2023年政府信息公开工作年度报告编制和发布工作的通知',
  '省政府办公厅关于做好2023年政府信息公开工作年度报告编制和发布工作的通知',
  '关于报送2022年度政府信息公开工作年度报告的通知',
  '关于印发《政府信息公开工作年度报告格式》的通知',
  '关于2021年度政府信息公开工作年度报告发布情况的通报',
  '怀化市人民政府办公室关于做好2021年政府信息公开工作年度报告编制发布工作的通知',
  '关于同意公开2023年政府信息公开工作年度报告的批复',
  '国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知',
  // interpretation
  '《宜春市国防动员办公室2023年政府信息公开工作年度报告》解读',
  '图解：2023年政府信息公开工作年度报告',
  '一图读懂周口市2023年政府信息公开工作年度报告',
  '政策解读：政府信息公开工作年度报告新格式',
  '一图看懂|涧西区2024年政府信息公开年报',
  // plans and summaries
  '2024年政务公开工作要点',
  '周口市人防办2023年政务公开工作要点',
  '宜春市国防动员办公室2023年工作总结和2024年工作计划',
  '2023年政府信息公开工作总结',
  '2024年政务公开工作实施方案',
  // statistics
  '宜春市2023年国民经济和社会发展统计公报',
  '2022年统计年报',
  '周口市统计局2023年统计年鉴',
  '2015年政府信息公开情况统计表',
  // guides and catalogues
  '宜春市国防动员办公室依申请公开目录',
  '周口市人民防空办公室政府信息公开指南',
  '山东省国防动员办公室政府信息公开制度',
  '政府信息主动公开目录',
  // other reports and filings
  '国家电网2023年社会责任报告',
  '关于企业年度报告公示的提醒',
  '2023年度企业年报公示工作开始了',
  '个体工商户2023年度年报即将截止',
  '宜春市2023年社会信用体系建设年度报告',
  '2022年度国有资产管理情况的综合报告',
  '事业单位2023年度报告公示',
  // deputies and drafts
  '对市人大代表建议第123号的答复',
  '关于政协委员提案办理情况的报告',
  '周口市人民防空工程管理办法（征求意见稿）',
  '宜春市国防动员办公室2023年政府信息公开工作年度报告（征求意见稿）',
  // websites, assessments, news
  '政府网站工作年度报表（2023年度）',
  '宜春市国防动员办公室门户网站2023年年度报表',
  '2023年度政府信息公开工作第三方评估报告',
  // about the reports, not a report (blind round 6a)
  '2022年度政府信息公开工作年度报告评估结果',
  '2022年政府信息公开工作年度报告模板',
  '2022年度政府信息公开工作年度报告编制说明',
  '2022年政务公开工作考核结果',
  '某局2023年政府信息公开工作年度报告评估表',
  '某局2023年政府信息公开工作年度报告解读附件',
  '关于报送2023年政府信息公开工作年度报告的通知附件',
  '市国动办召开政府信息公开工作年度报告编制培训会',
  '政府信息公开申请表',
  // a notice correcting a published report (blind round 40a)
  '福鼎市关于2021年政府信息公开工作年度报告的更正说明',
  '某区2022年政府信息公开工作年度报告更正声明',
  '关于更正某局2023年度政府信息公开工作年度报告有关数据的说明',
  '某县2021年政府信息公开工作年度报告勘误',
  // nav labels and ambiguous cuts
  '政府信息公开年报',
  '政府信息公开工作年度报告',
  '周口市人防办政府信息公开工作报告', // the old-era shape needs a year
  // unrelated
  '2024年政府工作报告',
  '宜春市2023年法治政府建设年度报告',
  '',
];

for (const title of REPORTS) {
  test(`report: ${JSON.stringify(title)}`, () => {
    const v = classifyTitle(title);
    assert.equal(v.isReport, true, v.reason);
  });
}
for (const title of NOT_REPORTS) {
  test(`not a report: ${JSON.stringify(title)}`, () => {
    const v = classifyTitle(title);
    assert.equal(v.isReport, false, v.reason);
    assert.match(v.reason, /^(not a report|empty)/);
  });
}

test('a title cut before its suffix that names a year\'s disclosure work is a maybe: its page decides', () => {
  // Cut inside 政府信息公开 right after the year (blind round 30a: an old template cutting every title at 16 characters,
  // "林周县农业农村局2024年政府.."): as likely the report as anything, so its page decides too.
  for (const t of ['宜春市国防动员办公室2023年政府信息公开工作…', '某县2022年政务公开工作...', '某局2021年度信息公开…', '宜春市国防动员办公室2023年政府信…']) {
    const v = classifyTitle(t);
    assert.deepEqual([v.isReport, v.maybe], [false, true], `${t}: ${v.reason}`);
  }
  // No year, a bare year at the cut, other words after the year, or the words whole and then another subject.
  for (const t of ['政府信息公开工作…', '宜春市国防动员办公室2023年…', '宜春市2023年政府工作报告…', '2023年政府信息公开工作要点…']) assert.notEqual(classifyTitle(t).maybe, true, t);
});

test('reasons name the rule that decided', () => {
  assert.equal(classifyTitle('宜春市国防动员办公室2023年部门决算').reason, 'not a report: budget or final accounts (预算/决算)');
  assert.equal(classifyTitle('宜春市国防动员办公室2023年政府信息公开工作年度…').reason, 'truncated 政府信息公开工作年度报告');
  assert.equal(classifyTitle('周口市人防办2023年政府信息公开年报').reason, '…政府信息公开年报');
});
