/**
 * A page its server cut with an error: a JSP, ASP.NET or PHP page that failed after its first bytes were sent (a
 * database timeout halfway through the list) answers 200 with the part written so far, then the error page included
 * where it stopped ("系统繁忙，请稍后刷新重试" over a Java stack trace), and no end of the document: no pager, no footer,
 * no `</html>` (round 89d: a cold JSP list showing 3 rows of 7 and no pager, whole on a reload). Read as it is, its
 * missing rows and later pages are lost without a word; the fetcher treats it as the 503 it stands for (asked again,
 * a failure the seed's health reports if it stays so). A whole page quoting a trace (a forum post) ends as pages do.
 * Asked of HTML answers only: a script file holds such words as strings and never ends as a document does.
 */
import iconv from 'iconv-lite';
import { BUSY } from './server-busy.ts';
import { visibleText } from './soft-rate-limit.ts';

/** HTML pages up to this size are read whole before they are handed on, to be looked at; larger ones are not. */
export const MAX_CUT_PAGE_BYTES = 512 * 1024;
/** Where the error is looked for: the end of what was sent. */
const TAIL_BYTES = 4 * 1024;
/** A stack trace: Java's `at pkg.Class.method(File.java:12)`, .NET's `at Ns.Type.Method() in X.cs:line 12`, PHP's
 * fatal error, Python's traceback. */
const TRACE = /\bat [\w$.<>]+\([\w$]*\.java:\d+\)|\bat [\w.`<>]+\(.*?\) in .+?:line \d+|(?:Fatal error|Parse error)<\/b>?:.{0,300}? on line|Traceback \(most recent call last\)/;
/** The document's end, which a cut page lacks. */
const ENDS = /<\/(?:html|body)>\s*(?:<!--[\s\S]*?-->\s*)*$/i;

/** Whether an HTML page's bytes end in a server error where the document should go on. */
export function cutByServerError(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES));
  const ascii = tail.toString('latin1');
  if (ENDS.test(ascii)) return false;
  if (TRACE.test(ascii)) return true;
  return [tail.toString('utf8'), iconv.decode(tail, 'gbk')].some((text) => BUSY.test(visibleText(text)));
}
