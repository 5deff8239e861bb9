/**
 * Tables drawn with box-drawing characters in plain text (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as GB2312-era editors and "制表"
 * tools draw them and as such text is published in a <pre> (blind round 6, b55). The rules are the grid: rule lines
 * give the rows, the junctions the columns; a cell is merged where a rule is missing (no │ between two cells, no ─
 * under one). Where a character stands depends on how wide the producer set box characters and punctuation: two
 * columns (GB2312, a CJK font) or one (a Unicode terminal); both are tried, and a table is taken only when every
 * rule lines up and every merged cell is a rectangle. Anything else stays text (read as before, or not at all),
 * never a guessed grid.
 */
import type { Grid, GridCell } from '../types.ts';

/** Characters of vertical rules and junctions (light, heavy and double sets). */
const VERTICAL = /[│┃║┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫┍┎┑┒┕┖┙┚┝┞┟┠┡┢┥┦┧┨┩┪┭┮┯┰┱┲┵┶┷┸┹┺┽┾┿╀╁╂╃╄╅╆╇╈╉╊]/;
const HORIZONTAL = /[─━═╌╍┄┅┈┉]/;
const BOX = /[\u2500-\u257f]/;
/** A line of the table: it starts (after spaces) with a rule character. */
const TABLE_LINE = /^\s*[\u2500-\u257f]/;
const TOP_LEFT = /^\s*[┌┏╔╒╓┍┎]/;

type Width = (ch: string) => number;
/** GB2312 style: every character beyond ASCII is double-byte, two columns. */
const legacyWidth: Width = (ch) => (ch.codePointAt(0)! > 0x7f ? 2 : 1);
/** Unicode terminal: East Asian wide and full-width characters two columns, box characters and “” one. */
const unicodeWidth: Width = (ch) => {
  const c = ch.codePointAt(0)!;
  const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
  return wide ? 2 : 1;
};

/** A line as characters at their display columns. */
function place(line: string, width: Width): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  let at = 0;
  for (const ch of line.replace(/\t/g, '    ')) {
    out.push({ ch, at });
    at += width(ch);
  }
  return out;
}

export type TextBlock = { text: string } | { grid: Grid };

/**
 * Splits preformatted text into its box-drawn tables (as grids) and the lines around them (as text). Text holding
 * no such table comes back as one text block.
 */
export function boxTables(text: string): TextBlock[] {
  const lines = text.split(/\r?\n/);
  const out: TextBlock[] = [];
  let plain: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (TOP_LEFT.test(lines[i]!)) {
      let j = i;
      while (j < lines.length && TABLE_LINE.test(lines[j]!)) j++;
      const grid = parseBox(lines.slice(i, j));
      if (grid) {
        if (plain.some((l) => l.trim() !== '')) out.push({ text: plain.join('\n') });
        plain = [];
        out.push({ grid });
        i = j;
        continue;
      }
    }
    plain.push(lines[i]!);
    i++;
  }
  if (plain.some((l) => l.trim() !== '') || out.length === 0) out.push({ text: plain.join('\n') });
  return out;
}

function parseBox(lines: string[]): Grid | undefined {
  for (const width of [legacyWidth, unicodeWidth]) {
    const g = parseWith(lines, width);
    if (g) return g;
  }
  return undefined;
}

/** A rule line: one with a horizontal rule piece (the text of a cell spanning rows may stand on it, inside the cell). */
const isRule = (l: string) => HORIZONTAL.test(l);

function parseWith(raw: string[], width: Width): Grid | undefined {
  const lines = raw.map((l) => place(l.replace(/\s+$/, ''), width));
  const ruleIdx = raw.map((l, i) => (isRule(l) ? i : -1)).filter((i) => i >= 0);
  if (ruleIdx.length < 2 || ruleIdx[0] !== 0 || ruleIdx[ruleIdx.length - 1] !== raw.length - 1) return undefined;
  // Column boundaries: where rule lines hold a junction or vertical.
  const bounds = [...new Set(ruleIdx.flatMap((i) => lines[i]!.filter((p) => VERTICAL.test(p.ch)).map((p) => p.at)))].sort((a, b) => a - b);
  if (bounds.length < 2) return undefined;
  const boundAt = new Map(bounds.map((b, k) => [b, k]));
  const charAt = (i: number, at: number) => lines[i]!.find((p) => p.at === at)?.ch;
  // Every rule character must stand on a boundary (verticals) or between two (horizontals), never straddle one.
  for (let i = 0; i < raw.length; i++) {
    for (const p of lines[i]!) {
      if (VERTICAL.test(p.ch) && !boundAt.has(p.at)) return undefined;
      if (HORIZONTAL.test(p.ch) && (p.at < bounds[0]! || p.at >= bounds[bounds.length - 1]! || bounds.some((b) => p.at < b && p.at + width(p.ch) > b))) return undefined;
      if (BOX.test(p.ch) && !VERTICAL.test(p.ch) && !HORIZONTAL.test(p.ch)) return undefined;
    }
  }
  const rows = ruleIdx.length - 1;
  const cols = bounds.length - 1;
  const boxW = width('│');
  // Atomic cells (r, c) joined where their shared rule is missing.
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++) {
    const [top, bottom] = [ruleIdx[r]!, ruleIdx[r + 1]!];
    if (bottom - top < 2) return undefined; // a row with no content line
    for (let c = 1; c < cols; c++) {
      // A vertical rule at this boundary in every content line of the row, or in none.
      const hits = Array.from({ length: bottom - top - 1 }, (_, d) => VERTICAL.test(charAt(top + 1 + d, bounds[c]!) ?? '')).filter(Boolean).length;
      if (hits === 0) join(r * cols + c - 1, r * cols + c);
      else if (hits !== bottom - top - 1) return undefined;
    }
  }
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // The rule between rows r-1 and r over column c: horizontal pieces all along, or none at all.
      const inside = lines[ruleIdx[r]!]!.filter((p) => p.at >= bounds[c]! + boxW && p.at < bounds[c + 1]!);
      const hz = inside.filter((p) => HORIZONTAL.test(p.ch)).length;
      if (hz === 0) join((r - 1) * cols + c, r * cols + c);
      else if (inside.some((p) => !HORIZONTAL.test(p.ch))) return undefined;
    }
  }
  // Each merged group a rectangle; its text read line by line inside it (rule lines it spans included).
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const g = find(r * cols + c);
    const e = groups.get(g);
    if (!e) groups.set(g, { r0: r, r1: r, c0: c, c1: c, n: 1 });
    else Object.assign(e, { r0: Math.min(e.r0, r), r1: Math.max(e.r1, r), c0: Math.min(e.c0, c), c1: Math.max(e.c1, c), n: e.n + 1 });
  }
  const grid: (GridCell | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  for (const e of groups.values()) {
    if (e.n !== (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1)) return undefined;
    const [x0, x1] = [bounds[e.c0]! + boxW, bounds[e.c1 + 1]!];
    const parts: string[] = [];
    for (let i = ruleIdx[e.r0]! + 1; i < ruleIdx[e.r1 + 1]!; i++) {
      const piece = lines[i]!.filter((p) => p.at >= x0 && p.at < x1 && !BOX.test(p.ch)).map((p) => p.ch).join('').trim();
      if (piece !== '') parts.push(piece);
    }
    // A label wrapped inside its cell continues on the next line: its pieces join without a space.
    grid[e.r0]![e.c0] = { text: parts.join(''), colSpan: e.c1 - e.c0 + 1, rowSpan: e.r1 - e.r0 + 1 };
  }
  return { rows: grid };
}
