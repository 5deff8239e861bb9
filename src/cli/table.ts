/** Plain terminal tables; CJK characters count as two columns (string-width). */
import stringWidth from 'string-width';

// Printable ASCII is one column a character: string-width's Unicode segmentation is the slow path, and a national
// coverage table (100k rows × 9 cells) spent 10 s in it measuring dates and URLs.
const ASCII = /^[\x20-\x7e]*$/;
// Printable ASCII, CJK ideographs and CJK/fullwidth punctuation: the text of agency names and titles, whose width
// is one column per ASCII character and two per other one (as string-width says for these ranges).
const ASCII_AND_CJK = /^[\x20-\x7e\u3000-\u303e\u4e00-\u9fff\uff01-\uff60]*$/;
const WIDE = /[^\x20-\x7e]/g;
function width(s: string): number {
  if (ASCII.test(s)) return s.length;
  if (ASCII_AND_CJK.test(s)) return s.length + (s.match(WIDE)?.length ?? 0);
  return stringWidth(s);
}

export function table(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  // Each cell measured once; a loop, not Math.max(...): spreading 100k values as arguments can overflow the stack.
  const cellWidths = cells.map((r) => header.map((_, i) => width(r[i] ?? '')));
  const widths = header.map((_, i) => cellWidths.reduce((m, w) => Math.max(m, w[i]!), 0));
  const line = (r: string[], w: number[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - w[i]!)).join('  ').trimEnd();
  return [line(cells[0]!, cellWidths[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((r, i) => line(r, cellWidths[i + 1]!))].join('\n');
}

type Cell = string | number | null | undefined;
const text = (c: Cell) => (c === null || c === undefined ? '' : String(c));

/**
 * The same table as table(), for rows too many to hold: `rows` is called twice, once to measure the columns and
 * once to print, and lines go to `write` as they are made (about 64 kB a call). Nothing but the widths is kept.
 */
export async function streamTable(header: string[], rows: () => Iterable<Cell[]>, write: (chunk: string) => Promise<void>): Promise<void> {
  const widths = header.map((h) => width(h));
  for (const r of rows()) {
    for (let i = 0; i < header.length; i++) widths[i] = Math.max(widths[i]!, width(text(r[i])));
  }
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  let buf = `${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`;
  for (const r of rows()) {
    buf += `\n${line(header.map((_, i) => text(r[i])))}`;
    if (buf.length >= 64 * 1024) {
      await write(buf);
      buf = '';
    }
  }
  await write(`${buf}\n`);
}
