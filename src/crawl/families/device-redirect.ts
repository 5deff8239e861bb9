/**
 * The desktop page a mobile page sends a desktop browser to. A mobile-first site's column (`/wap/…`, `m.…`) often
 * shows only its newest few items and runs, as it loads, a script that sends any other device to the desktop column:
 *
 *   if (!/Android|iPhone|Mobile/i.test(navigator.userAgent)) location.replace('/zfxxgk/gknb/index.html');
 *
 * A desktop browser never shows the mobile page; a seed copied from a phone would be read for its newest items only,
 * with nothing on the page announcing more. The page's inline scripts run in the sandbox as a desktop browser's
 * (script-sandbox.ts); where one that reads the device sends the page as it loads, on the same host, is read as a
 * list page of the seed. A page sending phones to its `/wap/` twin does nothing here (the sandbox is no phone).
 *
 * The check often lives in the site's own script file (`<script src="/js/mobile.js">` defining and calling
 * `browserRedirect()`): for a page at a mobile address (mobileAddress) the caller fetches those files and passes their
 * texts as `external`, run before the page's inline scripts.
 */
import { isFileUrl } from '../list-page.ts';
import { ScriptSandbox } from '../script-sandbox.ts';
import { inlineScripts } from '../script-links.ts';

/** A script that tells devices apart: the user agent, the platform, touch, the screen's width. */
const READS_DEVICE = /\bnavigator\s*\.\s*(?:userAgent|platform|appVersion|maxTouchPoints)|\bscreen\s*\.\s*(?:width|availWidth)|\bmatchMedia\s*\(|\bontouchstart\b/;
const NAVIGATES = /\blocation\b|\.open\s*\(/;

/**
 * An address a phone is sent to: a `/wap/`, `/m/`, `/mobile/`, `/h5/` or `/sj/` (手机) folder, or an `m.`/`wap.` host.
 * Only such a page, holding script files of its own, has them fetched for a device check (one request per file per run).
 */
export function mobileAddress(pageUrl: string, html: string): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  const mobile = /^(?:m|wap)\./i.test(url.hostname) || /\/(?:wap|m|mobile|h5|sj|phone)\//i.test(url.pathname);
  return mobile && /<script\b[^>]*\bsrc\s*=/i.test(html);
}

/**
 * Where the page's device check sends a desktop browser as it loads: a same-host page other than this one.
 * `external`: the texts of the page's own script files, run before its inline scripts.
 */
export function desktopTwinLinks(html: string, pageUrl: string, external: string[] = []): string[] {
  const code = external.length ? `${external.join('\n')}\n${html}` : html;
  if (!READS_DEVICE.test(code) || !NAVIGATES.test(code)) return [];
  const scripts = [...external.filter(Boolean), ...inlineScripts(html)];
  // Run up to the last script that may leave (those after it cannot send the page anywhere), or that calls a
  // function an earlier one defines (`browserRedirect()` in the page, defined in the site's file).
  const defined = new Set(scripts.flatMap((s) => [...s.matchAll(/\bfunction\s+([\w$]+)\s*\(/g)].map((m) => m[1]!)));
  const calls = (s: string) => [...s.matchAll(/([\w$]+)\s*\(/g)].some((m) => defined.has(m[1]!));
  const last = scripts.findLastIndex((s) => NAVIGATES.test(s) || calls(s));
  if (last < 0 || !scripts.some((s) => NAVIGATES.test(s))) return [];
  const sandbox = new ScriptSandbox(pageUrl);
  try {
    for (const [i, script] of scripts.slice(0, last + 1).entries()) {
      sandbox.load(script);
      const went = sandbox.navigation();
      if (went === null) continue;
      // The first script to leave decides: one leaving with no device read so far (a stub) is not this.
      if (!scripts.slice(0, i + 1).some((s) => READS_DEVICE.test(s))) return [];
      const url = sameHostPage(went, pageUrl);
      return url ? [url] : [];
    }
    return [];
  } finally {
    sandbox.dispose();
  }
}

/** The address resolved against the page, when it is another page of the same host (scheme and fragment aside). */
function sameHostPage(went: string, pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(went, pageUrl);
  } catch {
    return null;
  }
  const page = new URL(pageUrl);
  if (!/^https?:$/.test(url.protocol) || url.host !== page.host || isFileUrl(url.href)) return null;
  if (url.pathname === page.pathname && url.search === page.search) return null;
  url.hash = '';
  return url.href;
}
