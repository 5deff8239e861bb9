/**
 * A list row opened by its action control, not by its title: a layui table's 查看 button (`lay-event="view"`, handled
 * by `table.on('tool(…)')`), a 详情 link calling a script, a DataTables row's "查看" cell, an icon button (a magnifier
 * or an eye titled 查看). The title is plain text in
 * its cell, so clicking it opens nothing; the row's control opens the report. The probe (item-clicks.ts) clicks the
 * title first and, when that opens nothing, the control of the title's row; once a control has opened a row, the
 * page's other rows are opened by theirs directly.
 */
import type { Locator } from 'playwright';

/** What an action control reads: view, details, read, open (a download or an edit is no way into the row's page). */
const ACTION = /^\s*(?:查看|详情|查看详情|详细|详细信息|阅读|阅读全文|浏览|打开|view|details?)\s*$/i;

/** A control that says so only by its title, label or event name (an icon button: `<a title="查看"><i …></i></a>`). */
const NAMED_ACTION = ['查看', '详情', '详细', '阅读', '浏览', 'view', 'detail']
  .flatMap((w) => [`[title*="${w}" i]`, `[aria-label*="${w}" i]`, `[lay-event*="${w}" i]`, `[data-action*="${w}" i]`])
  .join(', ');
/** The icon of a view control (a magnifier, an eye, a document): its clickable ancestor is the control. */
const VIEW_ICON = ['icon-search', 'icon-eye', 'icon-view', 'icon-chakan', 'icon-read', 'icon-file-text', 'fa-eye', 'fa-search', 'el-icon-view', 'el-icon-search']
  .map((c) => `[class*="${c}"]`)
  .join(', ');
const CLICKABLE = 'a, button, [lay-event], [onclick], [role="button"]';

/**
 * The element a row holding `title` opens by, when the row has one (it may be absent: count it before clicking): a
 * control reading 查看 / 详情…, else one saying it by its title, label or event name, else an icon of viewing inside a
 * clickable element.
 */
export function rowAction(title: Locator): Locator {
  const row = title.locator('xpath=ancestor::*[self::tr or self::li or self::dd or @role="row"][1]');
  const worded = row.locator(CLICKABLE).filter({ hasText: ACTION });
  const named = row.locator(NAMED_ACTION).filter({ hasNotText: /\p{Script=Han}{3,}/u });
  const icon = row.locator(CLICKABLE).filter({ has: row.page().locator(VIEW_ICON) });
  return worded.or(named).or(icon).first();
}
