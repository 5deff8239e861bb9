/**
 * Jump menus whose change handler builds the address itself (`onchange="goDept(this.value)"` with
 *
 *   var root = '/xxgk/bm/';
 *   function goDept(code) { if (code) location.href = root + code + '/nb/'; }
 *
 * in the page or in the site's own script file): each option is chosen in the sandbox (script-sandbox.ts `choose`),
 * as a browser runs the handler when a reader picks it, and the page is read with the option's value rewritten to the
 * address it goes to and the handler to `location.href=this.value` (families/jump-menu.ts then reads it as a plain
 * jump menu). Options whose handler goes nowhere, fails, or reads the page's DOM keep their value: jump-menu.ts counts
 * them as unread.
 */
import { jumpsToValue } from './families/jump-menu.ts';
import { attributesOf, decodeEntities, escapeAttr, inlineScripts } from './script-links.ts';
import { ScriptSandbox } from './script-sandbox.ts';

const SELECT = /<select\b([^>]*)>([\s\S]*?)<\/select\s*>/gi;
const OPTION = /<option\b([^>]*)>([^<]*)/gi;
/** Options chosen per menu at most (a menu of every department of a city is a hundred). */
const MAX_CHOICES = 120;

/** The page with each jump menu whose handler builds its address rewritten to the addresses it goes to. */
export function withScriptMenus(html: string, pageUrl: string, external: string[] = []): string {
  if (!/<select\b[^>]*\bonchange\s*=/i.test(html)) return html;
  let sandbox: ScriptSandbox | undefined;
  try {
    return html.replace(SELECT, (whole: string, attrText: string, inner: string) => {
      const attrs = attributesOf(attrText);
      const handler = attrs.onchange;
      if (!handler || jumpsToValue(handler)) return whole;
      const options = [...inner.matchAll(OPTION)].map((m) => {
        const own = attributesOf(m[1]!);
        const text = decodeEntities(m[2]!).trim();
        return { value: own.value ?? text, text };
      });
      if (!options.length) return whole;
      if (!sandbox) {
        sandbox = new ScriptSandbox(pageUrl);
        for (const script of [...external, ...inlineScripts(html)]) sandbox.load(script);
      }
      const went = options.map((o, i) => (o.value && i < MAX_CHOICES ? sandbox!.choose(handler, attrs, options, i) : null));
      if (!went.some(Boolean)) return whole;
      let k = 0;
      const rewritten = inner.replace(OPTION, (option: string, optAttrs: string, text: string) => {
        const url = went[k++];
        if (!url) return option;
        const rest = optAttrs.replace(/\s+value\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i, '');
        return `<option value="${escapeAttr(url)}"${rest}>${text}`;
      });
      const select = attrText.replace(/\s+onchange\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/i, '');
      return `<select${select} onchange="location.href=this.value">${rewritten}</select>`;
    });
  } finally {
    sandbox?.dispose();
  }
}
