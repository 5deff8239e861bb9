/**
 * A pager that is only a jump form ("共8条 第1/2页 跳转到第<input name="pageNo" value="1">页 [GO]"), or a form whose
 * submit buttons are the page numbers (`<input type="submit" name="page" value="2">`): no page link, no script, the
 * form sent by its own submit button. The next page is that form sent with the next page's number (for a
 * POST form, a GET of the same address answers page 1 again), while the page's announced count says there is one.
 * With no count announced at all, the next page is still asked, as a probe (probed-pages.ts ends the chain at a page
 * repeating one before it, or listing nothing). The GET jump form with a count is pager.ts's (`formTemplate`); the
 * POST form submitted by a script control is post-form-pager.ts's.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { probeCursor } from '../probed-pages.ts';
import { documentBase, type Doc } from '../html.ts';
import type { NextListRequest } from './family.ts';
import { PAGE_PARAM, pageButtonName } from './page-template.ts';
import { formFields, formPost } from './postback.ts';

/** Input types a visitor types into: a second one beside the page number makes the form a search box, no pager. */
const TYPED = new Set(['text', 'search', 'number', 'tel']);

interface JumpForm {
  method: 'GET' | 'POST';
  action: string;
  fields: URLSearchParams;
  /** The page-number field's name. */
  field: string;
  /** The page number the field holds, when it holds one. */
  value: number | null;
}

/**
 * The page's jump forms: a form holding a page-number field (a text box or hidden, its value a number or empty), a
 * submit button, and no other field to type into (a search box is no pager); ASP.NET's post-back form is
 * postback.ts's. A named submit button is sent as a browser sends the one clicked.
 */
function jumpForms($: Doc, pageUrl: string): JumpForm[] {
  return $('form')
    .toArray()
    .flatMap((el) => {
      const form = $(el as Element);
      const method = (form.attr('method') ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET';
      if (form.find('input[name=__VIEWSTATE], input[name=__EVENTTARGET]').length) return [];
      const inputs = form
        .find('input[name]')
        .toArray()
        .map((i) => $(i as Element));
      const typeOf = (i: (typeof inputs)[number]) => (i.attr('type') ?? 'text').toLowerCase();
      const field = inputs.find((i) => PAGE_PARAM.test(i.attr('name')!) && (TYPED.has(typeOf(i)) || typeOf(i) === 'hidden') && /^\d{0,4}$/.test((i.attr('value') ?? '').trim()));
      if (inputs.some((i) => i !== field && TYPED.has(typeOf(i)))) return [];
      // No page field: the page numbers may be the form's submit buttons themselves (`<input type="submit"
      // name="page" value="2">`, one a page), the clicked one sending its number.
      const pageButton = field ? null : pageButtonName($, form);
      if (!field && !pageButton) return [];
      const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
      if (!action) return [];
      const fields = formFields($, form);
      if (!field) return [{ method, action, fields, field: pageButton!, value: null }];
      const submit = form.find('input[type=submit], input[type=image], button:not([type=button]):not([type=reset])').first();
      if (!submit.length) return [];
      const button = submit.attr('name');
      if (button) fields.set(button, submit.attr('value') ?? '');
      const value = (field.attr('value') ?? '').trim();
      return [{ method, action, fields, field: field.attr('name')!, value: value ? Number(value) : null }];
    });
}

/** The request for page `n` of a jump form. */
function pageRequest(form: JumpForm, n: number, pageUrl: string): NextListRequest {
  const fields = new URLSearchParams(form.fields);
  fields.set(form.field, String(n));
  if (form.method === 'POST') return formPost(form.action, fields, pageUrl);
  const url = new URL(form.action);
  for (const [name, value] of fields) url.searchParams.set(name, value);
  return { url: url.href };
}

/**
 * The POST of the page after `current` (the form's page field when it holds a number, else the page's own words), or
 * null when the page is the last of `pages`, or has no POST jump form.
 */
export function postJumpFormNextPage($: Doc, pageUrl: string, pages: number | undefined, pageSays: () => number): NextListRequest | null {
  if (!pages || pages < 2) return null;
  const form = jumpForms($, pageUrl).find((f) => f.method === 'POST');
  if (!form) return null;
  const current = form.value ?? pageSays();
  return current < 1 || current >= pages ? null : pageRequest(form, current + 1, pageUrl);
}

/**
 * The page after this one by its jump form (GET or POST) when the page announces no page count: a probe, marked so in
 * its cursor, with the note recorded for the page. Null when the page has no jump form, or its address is this page's.
 */
export function jumpFormProbe($: Doc, pageUrl: string, pageSays: () => number): { request: NextListRequest; note: string } | null {
  const form = jumpForms($, pageUrl)[0];
  if (!form) return null;
  const current = form.value ?? pageSays();
  if (current < 1) return null;
  const request = pageRequest(form, current + 1, pageUrl);
  if (request.method !== 'POST' && request.url === pageUrl) return null;
  return {
    request: { ...request, cursor: probeCursor() },
    note: `asked page ${current + 1} by its jump form (${form.method}): the pager announces no page count, so the list ends at a page repeating one before it or listing nothing`,
  };
}
