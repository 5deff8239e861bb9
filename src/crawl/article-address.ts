/**
 * An address shaped like one article's, not a column's: its last segment is no index / list / default page nor a
 * folder, and its path carries a long number or hex id (t20210126_123.html, 2021/1/26/6b2d9f….shtml, art_12_4411.html),
 * or it is a dynamic article page asked by its id (show.asp?id=12, detail.jsp?articleId=7, content.php?aid=3).
 */
export function articleAddress(url: string): boolean {
  const u = new URL(url);
  const last = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
  if (!last || /^(?:index|list|default|main)(?:_\d+)?\.\w+$/i.test(last)) return false;
  if (/^(?:show|detail|view|content|article|info|news|art)\w*\.\w+$/i.test(last) && /[?&]\w*id=\d+/i.test(u.search)) return true;
  return /\d{5,}|[0-9a-f]{16,}/i.test(u.pathname);
}
