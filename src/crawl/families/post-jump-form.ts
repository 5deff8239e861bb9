/**
 * A pager that is only a POST jump form ("共8条 第1/2页 跳转到第<input name="pageNo" value="1">页 [GO]"): no page link,
 * no script, the form posted by its own submit button. The next page is that form posted with the next page's number
 * (a GET of the same address answers page 1 again), while the page's announced count says there is one. The GET
 * jump form is pager.ts's (`formTemplate`); the POST form submitted by a script control is post-form-pager.ts's.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, type Doc } from '../html.ts';
import type { NextListRequest } from './family.ts';
import { PAGE_PARAM } from './page-template.ts';
import { formFields, formPost } from './postback.ts';

/** Input types a visitor types into: a second one beside the page number makes the form a search box, no pager. */
const TYPED = new Set(['text', 'search', 'number', 'tel']);

/**
 * The POST of the page after `current` (the form's page field when it holds a number, else the page's own words), or
 * null when the page is the last of `pages`, or has no POST form holding a page-number field, a submit button and no
 * other field to type into.
 */
export function postJumpFormNextPage($: Doc, pageUrl: string, pages: number | undefined, pageSays: () => number): NextListRequest | null {
  if (!pages || pages < 2) return null;
  for (const el of $('form').toArray()) {
    const form = $(el as Element);
    if ((form.attr('method') ?? '').toLowerCase() !== 'post' || form.find('input[name=__VIEWSTATE], input[name=__EVENTTARGET]').length) continue;
    const inputs = form
      .find('input[name]')
      .toArray()
      .map((i) => $(i as Element));
    const typeOf = (i: (typeof inputs)[number]) => (i.attr('type') ?? 'text').toLowerCase();
    const field = inputs.find((i) => PAGE_PARAM.test(i.attr('name')!) && (TYPED.has(typeOf(i)) || typeOf(i) === 'hidden') && /^\d{0,4}$/.test((i.attr('value') ?? '').trim()));
    if (!field || inputs.some((i) => i !== field && TYPED.has(typeOf(i)))) continue;
    const submit = form.find('input[type=submit], input[type=image], button:not([type=button]):not([type=reset])').first();
    if (!submit.length) continue;
    const value = (field.attr('value') ?? '').trim();
    const current = value ? Number(value) : pageSays();
    const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
    if (current < 1 || current >= pages || !action) return null;
    const fields = formFields($, form);
    fields.set(field.attr('name')!, String(current + 1));
    // A named submit button is sent as a browser sends the one clicked.
    const button = submit.attr('name');
    if (button) fields.set(button, submit.attr('value') ?? '');
    return formPost(action, fields, pageUrl);
  }
  return null;
}
