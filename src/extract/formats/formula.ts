/**
 * Spreadsheet formulas whose result was never stored: files written by generator libraries (Apache POI, openpyxl,
 * web exports) carry `<f>SUM(D5:I5)</f>` with no cached `<v>`, leaving the calculation to the program that opens
 * them. A report's totals are such formulas. The few forms they take are computed here: numbers, cell references
 * (also on another sheet), SUM over references and ranges, + − × ÷ and brackets. Anything else gives `undefined`:
 * the cell is unreadable, never 0.
 */
import * as XLSX from '@e965/xlsx';

/** Formula chains deeper than this are given up (a report's totals are one or two levels deep). */
const MAX_DEPTH = 32;
/** Ranges larger than this are given up (a report table has a few hundred cells). */
const MAX_RANGE = 10_000;

type Token = { kind: 'num'; v: number } | { kind: 'ref'; sheet?: string; ref: string } | { kind: 'op'; v: string } | { kind: 'fn'; v: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|((?:'[^']+'|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z][A-Z0-9.]*)\s*(?=\()|([-+*/(),]))/gy;

function tokenize(f: string): Token[] | undefined {
  const out: Token[] = [];
  const src = f.replace(/^=/, '').trim();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push({ kind: 'num', v: Number(m[1]) });
    else if (m[3] !== undefined) out.push({ kind: 'ref', sheet: m[2]?.slice(0, -1).replace(/^'|'$/g, ''), ref: m[3].replace(/\$/g, '') });
    else if (m[4] !== undefined) out.push({ kind: 'fn', v: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ kind: 'op', v: m[5] });
    else if (src.slice(TOKEN.lastIndex).trim() === '') break;
    else return undefined;
  }
  return out;
}

export class FormulaEvaluator {
  private readonly busy = new Set<string>();

  constructor(private readonly wb: XLSX.WorkBook) {}

  /** The value of a formula in `sheet`, or undefined when its form is not one we compute. */
  evaluate(sheet: string, formula: string, depth = 0): number | undefined {
    const tokens = tokenize(formula);
    if (!tokens || depth > MAX_DEPTH) return undefined;
    let pos = 0;
    const peek = () => tokens[pos];
    const isOp = (v: string) => {
      const t = peek();
      return t?.kind === 'op' && t.v === v;
    };
    // expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := ['-'|'+'] atom
    const expr = (): number | undefined => {
      let v = term();
      while (v !== undefined && (isOp('+') || isOp('-'))) {
        const op = (tokens[pos++] as { v: string }).v;
        const r = term();
        v = r === undefined ? undefined : op === '+' ? v + r : v - r;
      }
      return v;
    };
    const term = (): number | undefined => {
      let v = factor();
      while (v !== undefined && (isOp('*') || isOp('/'))) {
        const op = (tokens[pos++] as { v: string }).v;
        const r = factor();
        v = r === undefined || (op === '/' && r === 0) ? undefined : op === '*' ? v * r : v / r;
      }
      return v;
    };
    const factor = (): number | undefined => {
      if (isOp('-') || isOp('+')) {
        const neg = (tokens[pos++] as { v: string }).v === '-';
        const v = factor();
        return v === undefined ? undefined : neg ? -v : v;
      }
      const t = tokens[pos++];
      if (!t) return undefined;
      if (t.kind === 'num') return t.v;
      if (t.kind === 'ref') return t.ref.includes(':') ? undefined : this.cellValue(t.sheet ?? sheet, t.ref, depth, false);
      if (t.kind === 'op' && t.v === '(') {
        const v = expr();
        return isOp(')') && tokens[pos++] ? v : undefined;
      }
      if (t.kind === 'fn' && t.v === 'SUM' && isOp('(')) {
        pos++;
        let sum = 0;
        for (;;) {
          const a = peek();
          let v: number | undefined;
          if (a?.kind === 'ref' && (tokens[pos + 1]?.kind === 'op' && [',', ')'].includes((tokens[pos + 1] as { v: string }).v))) {
            pos++;
            v = this.rangeSum(a.sheet ?? sheet, a.ref, depth);
          } else v = expr();
          if (v === undefined) return undefined;
          sum += v;
          if (isOp(',')) pos++;
          else if (isOp(')')) {
            pos++;
            return sum;
          } else return undefined;
        }
      }
      return undefined;
    };
    const v = expr();
    return pos === tokens.length && v !== undefined && Number.isFinite(v) ? v : undefined;
  }

  /** SUM over a reference or range: numbers and computed formulas count, text and blanks are skipped (as SUM does). */
  private rangeSum(sheet: string, ref: string, depth: number): number | undefined {
    const r = XLSX.utils.decode_range(ref.includes(':') ? ref : `${ref}:${ref}`);
    if ((r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1) > MAX_RANGE) return undefined;
    let sum = 0;
    for (let row = r.s.r; row <= r.e.r; row++) {
      for (let col = r.s.c; col <= r.e.c; col++) {
        const v = this.cellValue(sheet, XLSX.utils.encode_cell({ r: row, c: col }), depth, true);
        if (v === undefined) return undefined;
        sum += v;
      }
    }
    return sum;
  }

  /** A cell's number: its stored value, else its formula computed; blank is 0; text is 0 inside SUM, else no number. */
  private cellValue(sheet: string, ref: string, depth: number, inSum: boolean): number | undefined {
    const ws = this.wb.Sheets[sheet];
    if (!ws) return undefined;
    const c = ws[ref] as XLSX.CellObject | undefined;
    if (!c || (c.v === undefined && !c.f)) return 0;
    if (typeof c.v === 'number') return c.v;
    if (c.v !== undefined) return inSum ? 0 : undefined;
    const key = `${sheet}!${ref}`;
    if (this.busy.has(key)) return undefined; // a circular reference
    this.busy.add(key);
    try {
      return this.evaluate(sheet, c.f!, depth + 1);
    } finally {
      this.busy.delete(key);
    }
  }
}
