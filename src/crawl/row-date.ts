/**
 * The publication date of a table row whose table heads its columns: a 目录 table of the 公开 platforms writes two
 * dates per row (序号 | 标题 | 发布机构 | 成文日期 | 发布日期), the written one first, so the first date of the row is not
 * the publication's. The column headed 发布日期 (or 公开日期 / 发布时间) says which one is.
 */
import type { Element } from 'domhandler';
import { compact, findDate, type Doc } from './html.ts';
import { rowColumns } from './row-cells.ts';

type Node = ReturnType<Doc>;

const PUBLISHED_HEADER = /^(?:发布日期|发布时间|公开日期|公开时间|发文日期)$/;

/** Per table, the index of its publication-date column; null when its header names none. */
const columns = new WeakMap<Element, number | null>();

function publishedColumn($: Doc, table: Node): number | null {
  const el = table.get(0) as Element;
  const known = columns.get(el);
  if (known !== undefined) return known;
  // The header row: the table's first row holding header cells (in <thead> or not), this table's own; else its first
  // row when that row is words only (older templates head their tables with <td>: <tr class="title"><td>发布日期</td>).
  const own = table.find('tr').filter((_, r) => $(r as Element).closest('table').get(0) === el);
  let header = own.filter((_, r) => $(r as Element).children('th').length > 0).first();
  if (!header.length && own.length > 1 && findDate(own.first().text()) === null) header = own.first();
  const index = header.length ? rowColumns($, header).findIndex((c) => PUBLISHED_HEADER.test(compact(c.text()))) : -1;
  columns.set(el, index >= 0 ? index : null);
  return index >= 0 ? index : null;
}

/** The date in the row's 发布日期 column, when its table heads one and the row has a date there; else null. */
export function rowPublishedDate($: Doc, row: Node): string | null {
  if (!row.is('tr')) return null;
  const table = row.closest('table');
  if (!table.length) return null;
  const index = publishedColumn($, table);
  if (index === null) return null;
  const cell = rowColumns($, row)[index];
  return cell ? findDate(cell.text()) : null;
}
