/**
 * An anti-bot CDN's challenge answered with a 5xx status: 加速乐 (jiasule, 知道创宇) answers every request without its
 * clearance cookie 521 with a few hundred bytes of script that computes `__jsl_clearance_s` and reloads the page.
 * Read as the server error the status names, it was asked again and again, every page failed, and the host's circuit
 * opened: nothing read of a site a browser opens at once (round 35c). Such an answer is handed on as the page it is
 * (as 瑞数's 412 always was), so the crawl sees the challenge and sends the page to the browser lane, which passes it
 * and hands its cookies to the fetcher. A 521 with no script (Cloudflare's "web server is down" page names the
 * status in words) stays a server error.
 */

/** A challenge is a script and little else: anything longer is an error page of the site's own. */
const MAX_CHALLENGE_BYTES = 16 * 1024;

/** Whether a 521 answer's body is a script challenge: short, and holding a script. */
export function isScriptChallenge(status: number, bytes: Buffer): boolean {
  if (status !== 521 || bytes.length === 0 || bytes.length > MAX_CHALLENGE_BYTES) return false;
  return /<script\b/i.test(bytes.toString('latin1'));
}
