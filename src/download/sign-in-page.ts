/**
 * A file link that redirects to a sign-in page: a file uploaded as internal (内部) by mistake, or a download servlet
 * open to logged-in users only, answers 302 to the site's login (a CAS `/cas/login?service=…`, `/sso/login`,
 * `login.jsp?returnUrl=…`, PHPCMS's `index.php?m=member&c=index&a=login&forward=…`). The page that answers is no file and no fault of the host: the file is refused to
 * visitors, and the seed says so as it says of a file robots.txt forbids.
 */

/** A path segment naming a sign-in: `login`, `userLogin.do`, `logon.aspx`, `signin`, `sso`, `cas`, `passport`,
 * `authserver`, `oauth2`. */
const SIGN_IN_SEGMENT = /^(?:\w*log(?:in|on)|sign-?in|sso|cas|passport|authserver|oauth2?)(?:[._-]\w*)?$/i;

/** Whether a request for `asked` was sent by its redirects to `answered`, an address of a sign-in page. */
export function ledToSignIn(asked: string, answered: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(asked);
    to = new URL(answered);
  } catch {
    return false;
  }
  if (from.pathname === to.pathname && from.host === to.host && from.search === to.search) return false;
  if (to.pathname.split('/').some((segment) => SIGN_IN_SEGMENT.test(segment))) return true;
  // A CMS routing by its query (PHPCMS's `index.php?m=member&c=index&a=login`, `?act=login`): a value naming it.
  return [...to.searchParams.values()].some((value) => SIGN_IN_SEGMENT.test(value));
}
