/**
 * Links that open their page through a function of the site's scripts (`<a href="javascript:openArticle('1234')">`,
 * `onclick="showInfo(12,'2023')"`), the function often defined in an external .js:
 *
 *   var ctx = "/sxscjg";
 *   function openArticle(id) { window.open(`${ctx}/info/detail.jsp?infoid=${encodeURIComponent(id)}`); }
 *
 * The page's scripts (its inline ones, and the site's own files page-scripts.ts fetched) run in a sandbox
 * (script-sandbox.ts), where each such link is clicked: the address its code gives to window.open, location or
 * location.href is where a browser's click would go. The page is then read with the link rewritten to that address,
 * as a real link (`href`) or as `window.open('…')` (`onclick`). A link whose code goes nowhere, fails, or builds its
 * address from the page's DOM (which the sandbox does not have) is left as it was: list-page.ts
 * `unreadScriptReportLinks` says so when its title is a report's.
 */
import { isJavaScript, ScriptSandbox } from './script-sandbox.ts';

/** An opening tag and its attributes (a quoted value may hold `>`). */
const TAG = /<([a-z][\w-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gi;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Code that calls something other than `void`: worth a click (`void(0)`, `;`, `return false` are not). */
const CALLS = /(?:^|[^\w$.])(?!void\b)[A-Za-z_$][\w$.]*\s*\(/;
/** At most this many links of one page clicked in the sandbox (a page of links is a few hundred). */
const MAX_CLICKS = 400;

export function decodeEntities(s: string): string {
  return s
    .replace(/&quot;|&#0*34;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

export function attributesOf(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(ATTR)) out[m[1]!.toLowerCase()] ??= decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

/** The code a link runs when clicked: its `javascript:` address's, or its onclick's. */
function codeOf(attr: 'href' | 'onclick', value: string): string | null {
  let code = value;
  if (attr === 'href') {
    const m = /^\s*javascript:([\s\S]*)$/i.exec(value);
    if (!m) return null;
    try {
      code = decodeURIComponent(m[1]!);
    } catch {
      code = m[1]!;
    }
  }
  return CALLS.test(code) ? code : null;
}

/**
 * The page with each script link that goes somewhere in the sandbox rewritten to go there: `href="javascript:f('1')"`
 * becomes `href="…"`, `onclick="f('1')"` becomes `onclick="window.open('…')"`. `external`: the site's own script files.
 * The page is returned as given when no link runs code.
 */
export function withScriptLinks(html: string, pageUrl: string, external: string[] = []): string {
  if (!/javascript:|onclick/i.test(html)) return html;
  let sandbox: ScriptSandbox | undefined;
  const seen = new Map<string, string | null>();
  let clicks = 0;
  const click = (code: string, attrs: Record<string, string>): string | null => {
    // Code that reads its element or event depends on the link's attributes; any other is clicked once per page.
    const key = /\bthis\b|\bevent\b/.test(code) ? `${code}\u0000${JSON.stringify(attrs)}` : code;
    if (seen.has(key)) return seen.get(key)!;
    if (clicks++ >= MAX_CLICKS) return null;
    if (!sandbox) {
      sandbox = new ScriptSandbox(pageUrl);
      for (const script of [...external, ...inlineScripts(html)]) sandbox.load(script);
    }
    const went = sandbox.target(code, attrs);
    seen.set(key, went);
    return went;
  };
  try {
    return html.replace(TAG, (tag: string, _name: string, attrText: string) => {
      if (!/javascript:|onclick/i.test(attrText)) return tag;
      const attrs = attributesOf(attrText);
      return tag.replace(/(\s)(href|onclick)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (whole, space: string, attr: string, eq: string, dq?: string, sq?: string) => {
        const name = attr.toLowerCase() as 'href' | 'onclick';
        const code = codeOf(name, decodeEntities(dq ?? sq ?? ''));
        const url = code === null ? null : click(code, attrs);
        if (!url) return whole;
        // A script's address is relative to the page (a link's, to its <base>: left to the link reader).
        const value = name === 'href' ? url : `window.open('${absolute(url, pageUrl).replace(/'/g, '%27')}')`;
        return `${space}${attr}${eq}"${escapeAttr(value)}"`;
      });
    });
  } finally {
    sandbox?.dispose();
  }
}

/** The page's inline JavaScript, in order. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => isJavaScript(m[1]!))
    .map((m) => m[2]!);
}
