/**
 * A report page whose text only points to its attachment ("详见附件", "请点击附件查看", "全文见附件"): the report is the
 * file, and a page that links none (a link nianbao cannot read: filled by a script, drawn from state) holds no report
 * at all. Such a page is catalogued, and said (seed-tally.ts `filelessReports`), never silently taken for the report.
 */

/** Words sending the reader to an attachment: 详见附件, 见附件, 请点击附件查看, 请下载附件, 全文见附件, 附件下载. */
const POINTER = /(?:详见|参见|见|点击|查看|下载|阅览|浏览)[^。；;\n]{0,6}附件|附件(?:下载|查看|全文)/;
/** A report's own text runs to thousands of characters; a page that only points to its file says a sentence or two. */
const POINTER_PAGE_MAX = 400;

export function pointsToAttachment(bodyText: string): boolean {
  return bodyText.length <= POINTER_PAGE_MAX && POINTER.test(bodyText);
}
