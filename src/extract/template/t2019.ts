/** The trial format of 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports and by some later ones (domain.md §1). */
import { OUTCOME_HEAD, SECTION3_HEAD_ROWS, SECTION3_TAIL_ROWS } from './common.ts';
import type { ColumnDef, TemplateDef } from './types.ts';

const itemColumns: ColumnDef[] = [
  { key: 'prev_year', label: '上一年项目数量', match: ['上一年项目数量', '上一年'] },
  { key: 'change', label: '本年增/减', match: ['增/减', '增减', '增(减)'] },
  { key: 'decisions', label: '处理决定数量', match: ['处理决定'] },
];

export const TEMPLATE_2019: TemplateDef = {
  id: '2019',
  source: '国办公开办函〔2019〕60号',
  markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '其他对外管理服务事项', '采购总金额', '政府集中采购'],
  section2: [
    {
      item: '一',
      rows: [
        { key: 'rules', label: '规章', match: ['规章'] },
        { key: 'normative_docs', label: '规范性文件', match: ['规范性文件'] },
      ],
      columns: [
        { key: 'new_made', label: '本年新制作数量', match: ['新制作'] },
        { key: 'new_published', label: '本年新公开数量', match: ['新公开'] },
        { key: 'total_published', label: '对外公开总数量', match: ['对外公开总数', '公开总数'] },
      ],
    },
    {
      item: '五',
      rows: [
        { key: 'licensing', label: '行政许可', match: ['行政许可'] },
        { key: 'other_services', label: '其他对外管理服务事项', match: ['对外管理服务', '其他对外管理'] },
      ],
      columns: itemColumns,
      signedColumns: ['change'],
    },
    {
      item: '六',
      rows: [
        { key: 'penalty', label: '行政处罚', match: ['行政处罚'] },
        { key: 'coercion', label: '行政强制', match: ['行政强制'] },
      ],
      columns: itemColumns,
      signedColumns: ['change'],
    },
    {
      item: '八',
      rows: [{ key: 'fees', label: '行政事业性收费', match: ['事业性收费', '收费'] }],
      columns: itemColumns.slice(0, 2),
      signedColumns: ['change'],
    },
    {
      item: '九',
      rows: [{ key: 'procurement', label: '政府集中采购', match: ['集中采购', '采购'] }],
      columns: [
        { key: 'items', label: '采购项目数量', match: ['采购项目数量', '项目数量'] },
        { key: 'amount', label: '采购总金额', match: ['采购总金额', '总金额'] },
      ],
      decimalColumns: ['amount'],
    },
  ],
  section3Rows: [...SECTION3_HEAD_ROWS, { key: 'other', label: '（六）其他处理', match: ['其他处理'] }, ...SECTION3_TAIL_ROWS],
  outcomeRows: [...OUTCOME_HEAD, 'other'],
};
