/**
 * Pagers that submit a POST form of hidden fields (`<form method="post"><input type="hidden" name="pageNo"
 * value="1">`, links `javascript:void(0)` calling `turnPage(2)`, which sets the field and submits): the next page is
 * that POST, never a GET, which such servers answer with page 1 again. ASP.NET's post-back pagers are postback.ts's.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, type Doc } from '../html.ts';
import type { NextListRequest } from './family.ts';
import { PAGE_PARAM } from './page-template.ts';
import { formFields, formPost } from './postback.ts';

/** A script control of the pager: its text and the page number its call asks for (already mapped to a page). */
export interface ScriptPageControl {
  text: string;
  page: number;
  next: boolean;
}

/**
 * The POST showing the page after this one: the page's POST form carrying a page-number field, posted with the
 * page the "next" script control asks for, else the numbered one after the form's current page. Null when the page
 * has no such form, or no script of the page submits a form.
 */
export function postFormNextPage($: Doc, html: string, pageUrl: string, controls: ScriptPageControl[]): NextListRequest | null {
  if (!controls.length || !/\.submit\s*\(/.test(html)) return null;
  for (const el of $('form').toArray()) {
    const form = $(el as Element);
    if ((form.attr('method') ?? '').toLowerCase() !== 'post' || form.find('input[name=__VIEWSTATE], input[name=__EVENTTARGET]').length) continue;
    const field = form
      .find('input[name]')
      .toArray()
      .map((i) => $(i as Element))
      .find((i) => PAGE_PARAM.test(i.attr('name') ?? '') && /^\d{1,4}$/.test((i.attr('value') ?? '').trim()));
    if (!field) continue;
    const current = Number(field.attr('value'));
    const page = controls.find((c) => c.next && c.page > current)?.page ?? controls.find((c) => c.text === String(current + 1))?.page;
    const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
    if (!page || !action) return null;
    const fields = formFields($, form);
    fields.set(field.attr('name')!, String(page));
    return formPost(action, fields, pageUrl);
  }
  return null;
}
