/**
 * A server's failure answered as a redirect to its error page: ASP.NET's customErrors sends any exception to
 * `/Error.aspx?aspxerrorpath=/xxgk/ndbg/ShowInfo.aspx` (the query of the page asked dropped), Java and PHP templates to
 * `/error.html`, `/500.html`. The page there answers 200 with the site's chrome and "对不起，您访问的页面出错了！": read
 * as the page asked, a report page was catalogued at the error page's address and a list's page 2 was read as empty
 * (round 61d). A person reloads; the fetcher takes the redirect for the 500 it stands for, and asks again.
 */

/** An error page's file name: error.aspx, Error.html, errorpage.jsp, 500.html, 50x.html, syserror.do… */
const ERROR_PAGE_NAME = /^(?:error|errors|errorpage|error_page|customerror|syserror|sys_error|500|50x|servererror)\.(?:aspx?|html?|jsp|php|do|action)$/i;

/** Whether a redirect from `from` to `to` sends a failure to the site's error page (not a page that is one itself). */
export function isErrorPageRedirect(from: string, to: string): boolean {
  const target = new URL(to);
  const name = target.pathname.split('/').pop() ?? '';
  if (!/[?&]aspxerrorpath=/i.test(target.search) && !ERROR_PAGE_NAME.test(name)) return false;
  // An error page asked for itself, or a redirect back to it, is no failure of another page.
  return new URL(from).pathname !== target.pathname;
}
