/**
 * A table row's cell in the column its table heads with a given label: a 目录 table of the 公开 platforms (序号 | 标题
 * | 发布机构 | 成文日期 | 发布日期) says by its header which cell is the publication date, which the publisher.
 */
import type { Element } from 'domhandler';
import { compact, findDate, type Doc } from './html.ts';
import { rowColumns } from './row-cells.ts';

type Node = ReturnType<Doc>;

/** Per header pattern, per table, the index of the column it heads; null when the table's header names none. */
const columns = new WeakMap<RegExp, WeakMap<Element, number | null>>();

function headedIndex($: Doc, table: Node, label: RegExp): number | null {
  const el = table.get(0) as Element;
  let known = columns.get(label);
  if (!known) columns.set(label, (known = new WeakMap()));
  const cached = known.get(el);
  if (cached !== undefined) return cached;
  // The header row: the table's first row holding header cells (in <thead> or not), this table's own; else its first
  // row when that row is words only (older templates head their tables with <td>: <tr class="title"><td>发布日期</td>).
  const own = table.find('tr').filter((_, r) => $(r as Element).closest('table').get(0) === el);
  let header = own.filter((_, r) => $(r as Element).children('th').length > 0).first();
  if (!header.length && own.length > 1 && findDate(own.first().text()) === null) header = own.first();
  const index = header.length ? rowColumns($, header).findIndex((c) => label.test(compact(c.text()))) : -1;
  known.set(el, index >= 0 ? index : null);
  return index >= 0 ? index : null;
}

/** The row's cell in the column its table heads with `label`; null when the row is no table row or none is headed so. */
export function headedCell($: Doc, row: Node, label: RegExp): Node | null {
  if (!row.is('tr')) return null;
  const table = row.closest('table');
  if (!table.length) return null;
  const index = headedIndex($, table, label);
  return index === null ? null : (rowColumns($, row)[index] ?? null);
}
