/**
 * Page URLs for script pagers that show no real page link (`javascript:goPage(2)`): built from where the page
 * carries its own page number — a page parameter of its URL (`iList.jsp?…&cur_page=1`), or a GET form of hidden
 * fields the pager script submits (`<form name="pageForm" method="get"><input name="cur_page" value="1">`).
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, type Doc } from '../html.ts';
import type { PageTemplate } from './pager.ts';
import { formFields } from './postback.ts';

/** Names of page-number parameters seen on real list URLs and pager forms. */
export const PAGE_PARAM = /^(?:page|pageno|pagenum|pageindex|p|pn|curpage|cur_page|currpage|currentpage|current|pagecurrent|page_no|page_num)$/i;

/** The page's URL with its page parameter set to n (only when the URL carries one). */
export function queryTemplate(pageUrl: string): PageTemplate | null {
  const u = new URL(pageUrl);
  const key = [...u.searchParams.keys()].find((k) => PAGE_PARAM.test(k) && /^\d{1,4}$/.test(u.searchParams.get(k) ?? ''));
  if (!key) return null;
  return (n: number) => {
    const x = new URL(pageUrl);
    x.searchParams.set(key, String(n));
    return x.href;
  };
}

/**
 * The name a form's page-number submit buttons share (`<button type="submit" name="pageNum" value="2">下一页</button>`,
 * their values page numbers; the one clicked is sent), or null when it has none.
 */
export function pageButtonName($: Doc, form: ReturnType<Doc>): string | null {
  const name = form
    .find('input[type=submit][name], button[name]:not([type=button]):not([type=reset])')
    .toArray()
    .map((b) => $(b as Element))
    .find((b) => PAGE_PARAM.test(b.attr('name')!) && /^\d{1,4}$/.test((b.attr('value') ?? '').trim()))
    ?.attr('name');
  return name ?? null;
}

/**
 * A GET form with a page-number field, or page-number submit buttons (round 66a: a Hanweb 适老化 template's pager is
 * a form of 首页/上一页/下一页/尾页 buttons, no link, no script): its action with its fields, the page set to n.
 */
export function formTemplate($: Doc, pageUrl: string): PageTemplate | null {
  for (const el of $('form').toArray()) {
    const form = $(el as Element);
    if ((form.attr('method') ?? 'get').toLowerCase() !== 'get') continue;
    const fields = form
      .find('input[name]')
      .toArray()
      .map((i) => ({ name: $(i as Element).attr('name')!, value: $(i as Element).attr('value') ?? '' }));
    const button = pageButtonName($, form);
    const page = fields.find((f) => PAGE_PARAM.test(f.name) && /^\d{0,4}$/.test(f.value)) ?? (button ? { name: button, value: '' } : undefined);
    if (!page) continue;
    if (!fields.includes(page)) fields.push(page);
    const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
    if (!action) continue;
    return (n: number) => {
      const x = new URL(action);
      for (const f of fields) x.searchParams.set(f.name, f === page ? String(n) : f.value);
      return x.href;
    };
  }
  return null;
}

/**
 * The page function a pager's script controls call (`onclick="turn(2)"`), when its body builds the address from its
 * argument and goes there: `function turn(n){ location.href = 'list_' + n + '.shtml'; }`. Page 1 (often the bare
 * name) is left to the page's own links.
 */
export function functionTemplate(html: string, pageUrl: string): PageTemplate | null {
  for (const m of html.matchAll(/function\s+[\w$]+\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\{([^{}]{0,600})\}/g)) {
    const [, param, body] = m;
    if (!/location|window\.open|\.href/.test(body!)) continue;
    const p = param!.replace(/\$/g, '\\$');
    const built = new RegExp(`["']([^"'\\s]*)["']\\s*\\+\\s*\\(?\\s*${p}\\s*(?:([+-])\\s*(\\d+))?\\s*\\)?\\s*\\+\\s*["']([^"'\\s]*)["']`).exec(body!);
    if (!built) continue;
    const [, before, sign, shift, afterPart] = built;
    const delta = shift ? (sign === '-' ? -Number(shift) : Number(shift)) : 0;
    return (n: number) => (n < 2 ? null : resolveLink(`${before}${n + delta}${afterPart}`, pageUrl));
  }
  return null;
}

/**
 * A jump menu of pages: the option after the selected one. Either the option is the page's address
 * (`<select onchange="location.href=this.value">` of page files), or the select is a field of a GET form it submits
 * (`<form method="get" action="list.jsp"><input type="hidden" name="catid" value="2317"><select name="page"
 * onchange="this.form.submit()">`, no link anywhere in the pager, round 64a): the form's address with its fields and
 * the option's value, as the browser asks it.
 */
export function selectNextPage($: Doc, pageUrl: string): string | null {
  for (const el of $('select[onchange]').toArray()) {
    const select = $(el as Element);
    const onchange = select.attr('onchange') ?? '';
    const goes = /(location|href|window\.open)/i.test(onchange);
    const form = /\.submit\s*\(/.test(onchange) ? select.closest('form') : null;
    if (!goes && !(form?.length && (form.attr('method') ?? 'get').toLowerCase() === 'get' && select.attr('name'))) continue;
    const options = select.find('option[value]').toArray().map((o) => $(o as Element));
    if (options.length < 2 || !options.every((o) => /^(?:第\s*)?\d{1,4}\s*(?:页)?$/.test(o.text().trim()))) continue;
    const at = options.findIndex((o) => o.attr('selected') !== undefined);
    const next = options[(at < 0 ? 0 : at) + 1];
    if (!next) return null;
    const base = documentBase($, pageUrl);
    const url = goes ? resolveLink(next.attr('value'), base) : formAddress($, form!, base, select.attr('name')!, next.attr('value') ?? '');
    if (url && url !== pageUrl) return url;
  }
  return null;
}

/**
 * A GET form's address as the browser asks it: its action with the fields it submits (postback.ts formFields), `name`
 * set to `value`.
 */
function formAddress($: Doc, form: ReturnType<Doc>, base: string, name: string, value: string): string | null {
  const action = resolveLink(form.attr('action') || base, base);
  if (!action) return null;
  const fields = formFields($, form);
  fields.set(name, value);
  const u = new URL(action);
  u.search = fields.toString();
  return u.href;
}
