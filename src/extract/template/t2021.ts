/** The format of 国办公开办函〔2021〕30号, used from the 2021 reports on (domain.md §1). */
import { OUTCOME_HEAD, SECTION3_HEAD_ROWS, SECTION3_TAIL_ROWS } from './common.ts';
import type { TemplateDef } from './types.ts';

const decisions = [{ key: 'decisions', label: '本年处理决定数量', match: ['处理决定'] }];

export const TEMPLATE_2021: TemplateDef = {
  id: '2021',
  source: '国办公开办函〔2021〕30号',
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '缴纳费用', '收费通知'],
  section2: [
    {
      item: '一',
      rows: [
        { key: 'rules', label: '规章', match: ['规章'] },
        // 2023 reports still write 规范性文件 in this layout (seed 000)
        { key: 'normative_docs', label: '行政规范性文件', match: ['规范性文件'] },
      ],
      columns: [
        { key: 'issued', label: '本年制发件数', match: ['制发'] },
        { key: 'repealed', label: '本年废止件数', match: ['废止'] },
        { key: 'in_force', label: '现行有效件数', match: ['现行有效'] },
      ],
    },
    { item: '五', rows: [{ key: 'licensing', label: '行政许可', match: ['行政许可'] }], columns: decisions },
    {
      item: '六',
      rows: [
        { key: 'penalty', label: '行政处罚', match: ['行政处罚'] },
        { key: 'coercion', label: '行政强制', match: ['行政强制'] },
      ],
      columns: decisions,
    },
    {
      item: '八',
      rows: [{ key: 'fees', label: '行政事业性收费', match: ['事业性收费', '收费'] }],
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', match: ['收费金额', '金额'] }],
      decimalColumns: ['amount'],
    },
  ],
  section3Rows: [
    ...SECTION3_HEAD_ROWS,
    { key: 'other_no_correction', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', match: ['逾期不补正', '无正当理由逾期'] },
    // Shortened by clerks as "2.逾期未缴费" / "2.逾期未缴纳" (blind round 14, b109): no other label of 三 says 缴.
    { key: 'other_no_fee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', match: ['缴纳费用', '收费通知', '缴纳', '缴费'] },
    // "3.其他" is often pushed out of its row group (seeds 001, 003); the numbered phrase is tried first.
    { key: 'other_other', label: '3.其他', match: ['3.其他', '其他'] },
    ...SECTION3_TAIL_ROWS,
  ],
  outcomeRows: [...OUTCOME_HEAD, 'other_no_correction', 'other_no_fee', 'other_other'],
  // Printed as one row, （六） says nothing of how its figures split over 1.–3.: all three unknown (section3.ts).
  collapsedGroup: { row: 'other_other', absent: ['other_no_correction', 'other_no_fee'], match: ['其他处理'] },
};
