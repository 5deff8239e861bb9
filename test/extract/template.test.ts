import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTemplate, figureKeys, TEMPLATE_2019, TEMPLATE_2021 } from '../../src/extract/template/index.ts';

test('format detected from labels, not from the year', () => {
  const t2021 = '2019年度报告 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 （六）其他处理 1.申请人无正当理由逾期不补正';
  const t2019 = '2023年度报告 信息内容 本年新制作数量 本年新公开数量 对外公开总数量 上一年项目数量 本年增/减 处理决定数量';
  assert.equal(detectTemplate(t2021).template?.id, '2021');
  assert.equal(detectTemplate(t2019).template?.id, '2019');
  assert.deepEqual(detectTemplate(t2019).evidence['2021'], []);
  // Per-glyph PDFs split labels with spaces; NFKC makes full-width forms plain.
  assert.equal(detectTemplate('本 年 制 发 件 数　现行有效件数').template?.id, '2021');
  assert.equal(detectTemplate('政府信息公开工作年度报告').template, undefined);
});

test('figure keys: 200 in the 2021 format, 198 in the 2019 format', () => {
  const k21 = figureKeys(TEMPLATE_2021);
  const k19 = figureKeys(TEMPLATE_2019);
  assert.equal(k21.length, 10 + 25 * 7 + 15);
  assert.equal(k19.length, 22 + 23 * 7 + 15);
  assert.ok(k21.includes('s3.other_other.total') && !k21.includes('s3.other.total'));
  assert.ok(k19.includes('s3.other.total') && !k19.includes('s3.other_no_fee.total'));
  assert.ok(k21.includes('s2.fees.amount') && k19.includes('s2.procurement.amount'));
  assert.ok(k21.includes('s4.litigation_after_review_pending'));
  assert.equal(new Set(k21).size, k21.length);
});
