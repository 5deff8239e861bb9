/**
 * A registry page that sends every visitor without a session through its sign-on service and back (phpCAS in gateway
 * mode: 302 to `https://cas.example.gov.cn/cas/login?service=<the page>&gateway=true`, which sends a visitor who is
 * signed in nowhere straight back with a ticket, round 47d). The sign-on host is no host of the registry, but the hop
 * is one the registry's own page demands, naming that page as where it returns: it is made, as a browser makes it,
 * and the answer is taken only from a registry host again. A sign-on host that answers with its own page (a login
 * form) gives nothing.
 */

/** Whether `target` (a redirect's address) names `from`'s site as where it sends the visitor back (`service=`,
 * `redirect=`, `returnUrl=`, `goto=`…: any parameter whose value is an address on `from`'s host). */
export function returnsTo(target: string, from: string): boolean {
  let to: URL;
  let back: URL;
  try {
    to = new URL(target);
    back = new URL(from);
  } catch {
    return false;
  }
  for (const value of to.searchParams.values()) {
    try {
      const named = new URL(value);
      if ((named.protocol === 'http:' || named.protocol === 'https:') && named.host === back.host) return true;
    } catch {
      // not an address
    }
  }
  return false;
}
