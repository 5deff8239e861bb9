/**
 * The report template described as data. Matching is on `labelKey()` text (NFKC, no whitespace), by key phrases:
 * each `match` list is tried in order, first phrase first. Phrases are chosen to be distinctive inside their table
 * (real documents wrap, split and damage labels: domain.md §5.9), and rows are matched in template order.
 */
export interface RowDef {
  key: string;
  /** The official label, for documentation and error messages. */
  label: string;
  match: string[];
}

export interface ColumnDef {
  key: string;
  label: string;
  /** Header phrases; a header cell matches when its text contains one (see `exact` for short, ambiguous ones). */
  match: string[];
  /** Match only when the whole header text equals a phrase (e.g. 其他, which also occurs inside 法人或其他组织). */
  exact?: boolean;
}

/** One block of the 第二十条 table (section 二), e.g. 第二十条第（一）项. */
export interface Section2Block {
  /** The item number inside 第二十条, e.g. `一`. Blocks are found by `第（一）项`-style titles. */
  item: string;
  rows: RowDef[];
  columns: ColumnDef[];
  /** Columns whose values may be decimals (万元 amounts); every other figure must be a non-negative integer. */
  decimalColumns?: string[];
  /** Columns that may be negative (本年增/减). */
  signedColumns?: string[];
}

export interface TemplateDef {
  id: '2019' | '2021';
  /** Official source of the format. */
  source: string;
  /** Labels that occur only in this format; template detection counts them. */
  markers: string[];
  section2: Section2Block[];
  /** Section 三 rows in template order. */
  section3Rows: RowDef[];
  /** Row keys summed by the outcome rule: (七)总计 = Σ these. */
  outcomeRows: string[];
  /**
   * A row group some producers print as one row: the 2021 （六）其他处理 with no 1./2./3. sub-rows (the 2019 table kept
   * in a 2021 report, seen in real 2023–2024 reports). When none of `absent` is found and `row` is found by one of
   * `match`, the report does not say which sub-row its figures belong to: `row` and the `absent` rows are all unknown
   * (null, unreadable; the figures printed are kept in the result's reason), never read as `row`'s with the others 0.
   */
  collapsedGroup?: { row: string; absent: string[]; match: string[] };
}

export interface SectionHeading {
  section: 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
  /** Key phrases of the heading and its variants. */
  match: string[];
}
