/**
 * The publication date of a table row whose table heads its columns: a 目录 table of the 公开 platforms writes two
 * dates per row (序号 | 标题 | 发布机构 | 成文日期 | 发布日期), the written one first, so the first date of the row is not
 * the publication's. The column headed 发布日期 (or 公开日期 / 发布时间) says which one is.
 */
import { findDate, type Doc } from './html.ts';
import { headedCell } from './headed-column.ts';

const PUBLISHED_HEADER = /^(?:发布日期|发布时间|公开日期|公开时间|发文日期)$/;

/** The date in the row's 发布日期 column, when its table heads one and the row has a date there; else null. */
export function rowPublishedDate($: Doc, row: ReturnType<Doc>): string | null {
  const cell = headedCell($, row, PUBLISHED_HEADER);
  return cell ? findDate(cell.text()) : null;
}
