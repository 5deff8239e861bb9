/**
 * Which hosts belong to a portal. Chinese government portals often keep their disclosure platform on a sibling
 * host (www.ly.gov.cn links xxgk.ly.gov.cn), and a home page given as ly.gov.cn redirects to www.ly.gov.cn; both
 * are the portal. A shared suffix (gov.cn, com.cn …) or an IP address is never widened: only its exact host.
 */
import { isIP } from 'node:net';

/** Second-level suffixes under which every name is a different owner. */
const SHARED_SUFFIX = /^(?:gov|com|org|net|edu|ac)\.[a-z]{2}$/;

/**
 * The labels a portal's own front doors start with: the desktop site's `www.`, the mobile site's `m.`, `wap.`, `3g.`,
 * and a language version's (`en.`, `english.`, traditional characters' `big5.`, a Mongolian `mgl.` / `mgw.`, Tibetan
 * `zw.` / `tibet.`, Uyghur `uy.` / `wy.`): each is the same portal, whose Chinese site is `www.` (round 50c).
 */
const FRONT_DOOR = /^(?:www|m|wap|3g|mobile|en|english|eng|big5|mgl|mgw|mongol|zw|tibet|uy|uyghur|wy)\./;

/**
 * The domain a portal's hosts share: the host without its front door's label (`www.`, or a mobile site's `m.`, `wap.`:
 * `m.mhk.gov.cn` is the portal of `www.mhk.gov.cn`) and port; null when it must stay exact.
 */
export function portalDomain(host: string): string | null {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  if (isIP(name) || name === 'localhost') return null;
  const domain = name.replace(FRONT_DOOR, '');
  const labels = domain.split('.');
  if (labels.length < 2 || SHARED_SUFFIX.test(domain)) return null;
  return domain;
}

/** Whether `host` belongs to the portal started at `startHost`. */
export function withinPortal(host: string, startHost: string): boolean {
  const h = host.toLowerCase();
  const start = startHost.toLowerCase();
  if (h === start) return true;
  const domain = portalDomain(start);
  if (!domain) return false;
  // Same port (or none): a different port is a different server.
  const port = (x: string) => /:(\d+)$/.exec(x)?.[1] ?? '';
  if (port(h) !== port(start)) return false;
  const name = h.replace(/:\d+$/, '');
  return name === domain || name.endsWith(`.${domain}`);
}

/** The hosts a start URL may answer from: itself, and its www. or bare twin (a redirect between them is common). */
export function startHosts(host: string): string[] {
  const h = host.toLowerCase();
  if (!portalDomain(h)) return [h];
  return h.startsWith('www.') ? [h, h.slice(4)] : [h, `www.${h}`];
}
