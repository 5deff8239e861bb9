/**
 * A list row opened by its action control, not by its title: a layui table's 查看 button (`lay-event="view"`, handled
 * by `table.on('tool(…)')`), a 详情 link calling a script, a DataTables row's "查看" cell. The title is plain text in
 * its cell, so clicking it opens nothing; the row's control opens the report. The probe (item-clicks.ts) clicks the
 * title first and, when that opens nothing, the control of the title's row; once a control has opened a row, the
 * page's other rows are opened by theirs directly.
 */
import type { Locator } from 'playwright';

/** What an action control reads: view, details, read, open (a download or an edit is no way into the row's page). */
const ACTION = /^\s*(?:查看|详情|查看详情|详细|详细信息|阅读|阅读全文|浏览|打开|view|details?)\s*$/i;

/** The element a row holding `title` opens by, when the row has one (it may be absent: count it before clicking). */
export function rowAction(title: Locator): Locator {
  const row = title.locator('xpath=ancestor::*[self::tr or self::li or self::dd or @role="row"][1]');
  return row.locator('a, button, [lay-event], [onclick], [role="button"]').filter({ hasText: ACTION }).first();
}
