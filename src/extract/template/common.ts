/** Parts of the template shared by the 2019 and 2021 formats (domain.md §1). */
import type { ColumnDef, RowDef, SectionHeading } from './types.ts';

/** Chapter headings with the variants seen in real reports (domain.md §1). */
export const SECTION_HEADINGS: SectionHeading[] = [
  { section: 's1', match: ['总体情况'] },
  // 行政机关主动公开… (Shandong)
  { section: 's2', match: ['主动公开政府信息情况'] },
  // 行政机关收到和处理… (Shandong)
  { section: 's3', match: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请'] },
  // also: 因政府信息公开工作被行政复议、提起行政诉讼情况
  { section: 's4', match: ['政府信息公开行政复议、行政诉讼情况', '被行政复议、提起行政诉讼', '行政复议、行政诉讼情况'] },
  { section: 's5', match: ['存在的主要问题及改进情况', '主要问题及改进'] },
  { section: 's6', match: ['其他需要报告的事项'] },
];

/** Section 三 columns: 申请人情况 → 自然人 | 法人或其他组织 {5} | 总计. */
export const SECTION3_COLUMNS: ColumnDef[] = [
  { key: 'natural_person', label: '自然人', match: ['自然人'] },
  { key: 'commercial_enterprise', label: '商业企业', match: ['商业企业'] },
  { key: 'research_institution', label: '科研机构', match: ['科研机构'] },
  { key: 'social_welfare_org', label: '社会公益组织', match: ['社会公益组织', '公益组织'] },
  { key: 'legal_service_org', label: '法律服务机构', match: ['法律服务机构', '法律服务'] },
  { key: 'other_org', label: '其他', match: ['其他', '其他组织'], exact: true },
  { key: 'total', label: '总计', match: ['总计', '合计'], exact: true },
];

/** Section 三's header as printed above its rows: what a header repeated on a new page is made of. */
export const SECTION3_HEADER_TEXT = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计';
/** Words of that header no row label contains. */
export const SECTION3_HEADER_MARKS = ['申请人情况', '勾稽关系', '法人或其他组织'];

/** Header texts of grouping cells above the section 三 columns, removed before column headers are matched. */
export const SECTION3_GROUP_HEADERS = ['申请人情况', '法人或其他组织'];

const rows = (...defs: [string, string, ...string[]][]): RowDef[] =>
  defs.map(([key, label, ...match]) => ({ key, label, match }));

/** Section 三 rows before （六）; identical in both formats. */
export const SECTION3_HEAD_ROWS: RowDef[] = rows(
  ['new_received', '一、本年新收政府信息公开申请数量', '本年新收', '新收政府信息公开申请'],
  ['carried_over', '二、上年结转政府信息公开申请数量', '上年结转'],
  ['granted', '（一）予以公开', '予以公开'],
  ['partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
  ['denied_state_secret', '（三）不予公开 1.属于国家秘密', '国家秘密'],
  // 其他法律行政止公开: a typo printed in real reports (洪泽区 2023, 2024)
  ['denied_prohibited_by_law', '2.其他法律行政法规禁止公开', '法律行政法规禁止', '禁止公开', '其他法律行政', '行政止公开'],
  ['denied_three_safety_one_stability', '3.危及“三安全一稳定”', '三安全一稳定', '危及'],
  ['denied_third_party_rights', '4.保护第三方合法权益', '第三方合法权益', '第三方'],
  ['denied_internal_affairs', '5.属于三类内部事务信息', '内部事务', '三类内部'],
  ['denied_process_info', '6.属于四类过程性信息', '过程性信息', '四类过程'],
  ['denied_enforcement_file', '7.属于行政执法案卷', '执法案卷'],
  ['denied_admin_query', '8.属于行政查询事项', '行政查询', '查询事项'],
  ['unable_not_held', '（四）无法提供 1.本机关不掌握相关政府信息', '不掌握'],
  ['unable_need_creation', '2.没有现成信息需要另行制作', '另行制作', '没有现成信息'],
  ['unable_unclear_after_correction', '3.补正后申请内容仍不明确', '仍不明确', '补正后申请内容'],
  ['not_processed_petition', '（五）不予处理 1.信访举报投诉类申请', '信访举报投诉', '信访'],
  ['not_processed_repeated', '2.重复申请', '重复申请'],
  ['not_processed_publication', '3.要求提供公开出版物', '公开出版物', '出版物'],
  ['not_processed_massive', '4.无正当理由大量反复申请', '大量反复'],
  ['not_processed_confirmation', '5.要求行政机关确认或重新出具已获取信息', '重新出具', '确认或重新'],
);

export const SECTION3_TAIL_ROWS: RowDef[] = rows(
  // The numbered phrase first: a header repeated after a page break also says 总计.
  ['total', '（七）总计', '（七）总计', '（七）合计', '总计', '合计'],
  ['carried_to_next_year', '四、结转下年度继续办理', '结转下年度', '下年度继续办理'],
);

/** Section 四 blocks and columns: 行政复议 | 行政诉讼 未经复议直接起诉 | 行政诉讼 复议后起诉, each 维持/纠正/其他/尚未审结/总计. */
export const SECTION4_BLOCKS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const SECTION4_COLUMNS: ColumnDef[] = [
  // Single characters as last resort: OCR misreads one of the two (结果纠疏), and nothing else in this header has them.
  { key: 'upheld', label: '结果维持', match: ['维持', '维'] },
  { key: 'corrected', label: '结果纠正', match: ['纠正', '纠'] },
  { key: 'other', label: '其他结果', match: ['其他'] },
  { key: 'pending', label: '尚未审结', match: ['审结', '未结', '尚未'] },
  { key: 'total', label: '总计', match: ['总计', '合计'] },
];
export const SECTION4_GROUP_HEADERS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];

/** Outcome rows (（一）…（五）) shared by both formats; each template appends its （六） rows. */
export const OUTCOME_HEAD = SECTION3_HEAD_ROWS.slice(2).map((r) => r.key);
