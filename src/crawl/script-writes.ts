/**
 * What inline scripts write into the page with `document.write`, for the legacy templates (TRS above all) that
 * write each list item that way:
 *
 *   var str_1 = "./202501/t20250122_1.htm"; var str_2 = "";
 *   if (str_2 == "") { document.write("<li><a href='" + str_1 + "'>" + getTitle(str_t, 20) + "</a></li>"); } …
 *
 * The page's inline scripts run in order in the sandbox (script-sandbox.ts), as a browser runs them while it parses
 * the page: what one defines (a `getTitle` helper, a counter) the next ones use. What each writes is placed after it;
 * the script stays (pager readers read the script itself). A script calling what only an external file defines
 * writes what it wrote before failing, as in a browser; markup built from the stand-in DOM is not placed.
 */
import { isJavaScript, ScriptSandbox } from './script-sandbox.ts';

/** At most this much written by one script (a page of items is a few kilobytes). */
const MAX_OUTPUT = 200_000;

/** The page with what each of its inline scripts writes with document.write placed after the script. */
export function withScriptWrites(html: string, pageUrl: string): string {
  if (!html.includes('document.write')) return html;
  const sandbox = new ScriptSandbox(pageUrl);
  try {
    return html.replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script\s*>)/gi, (whole, _open: string, attrs: string, body: string) => {
      if (/\bsrc\s*=/i.test(attrs) || !isJavaScript(attrs)) return whole;
      const written = sandbox.load(body);
      return written ? `${whole}${written.slice(0, MAX_OUTPUT)}` : whole;
    });
  } finally {
    sandbox.dispose();
  }
}

/** An inline script writing a link (`document.write('<a href=…')`, or a string holding one it writes): a TRS detail
 * template's 附件 list (`var sFjHtml = '<a href="./P0….pdf">…</a>'; document.write(…)`, round 109a). */
const WRITES_LINK = /<script\b(?![^>]*\bsrc\s*=)[^>]*>(?:(?!<\/script)[\s\S])*?document\.write(?:(?!<\/script)[\s\S])*?<\/script\s*>/gi;

/** The page with what its inline scripts write placed after them, when one of them writes a link; else as it is. */
export function withWrittenLinks(html: string, pageUrl: string): string {
  if (!html.includes('document.write')) return html;
  const writesLink = (html.match(WRITES_LINK) ?? []).some((script) => /href/i.test(script));
  return writesLink ? withScriptWrites(html, pageUrl) : html;
}
