/**
 * Does `pdftotext -layout` output hold the report's table? A section-三 row counts when its seven figures appear, in
 * column order, on one line. That is a generous test (it says nothing about which line is which row, and a row with
 * a blank cell cannot pass: the blank leaves no trace), but enough to tell "the numbers are there" from "they are not".
 */

export interface RowCoverage {
  found: number;
  total: number;
}

const COLUMNS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

export function pdftotextRows(texts: string[], expected: Record<string, number | null>[]): RowCoverage {
  let found = 0;
  let total = 0;
  texts.forEach((text, i) => {
    const lines = text.split('\n');
    const figures = expected[i]!;
    const rows = new Set(Object.keys(figures).filter((k) => k.startsWith('s3.')).map((k) => k.split('.')[1]!));
    for (const row of rows) {
      total++;
      const values = COLUMNS.map((c) => figures[`s3.${row}.${c}`]);
      const pattern = new RegExp(`(^|\\s)${values.map((v) => String(v ?? 0)).join('\\s+')}(\\s|$)`);
      if (lines.some((l) => pattern.test(l))) found++;
    }
  });
  return { found, total };
}
