/**
 * ASP.NET WebForms pagers: the page is one `<form method="post">` carrying `__VIEWSTATE`, and the pager's links are
 * `javascript:__doPostBack('ctl00$Main$Pager','2')`, which put the target and argument in `__EVENTTARGET` /
 * `__EVENTARGUMENT` and submit the form. The next page is that POST — the form's fields as the page holds them (the
 * view state of this page included), never a GET, which such servers answer with page 1 again.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, squash, type Doc } from '../html.ts';
import type { NextListRequest } from './family.ts';

const POSTBACK = /__doPostBack\(\s*(['"])([^'"]*)\1\s*,\s*(['"])([^'"]*)\3\s*\)/;

interface PostBackControl {
  text: string;
  target: string;
  argument: string;
}

function postBackControls($: Doc): PostBackControl[] {
  return $('a, [onclick], input[type=submit], input[type=button]')
    .toArray()
    .flatMap((el) => {
      const node = $(el as Element);
      const m = POSTBACK.exec(`${node.attr('href') ?? ''} ${node.attr('onclick') ?? ''}`);
      const text = squash(node.text()) || squash(node.attr('value') ?? '') || squash(node.attr('title') ?? '');
      return m ? [{ text, target: m[2]!, argument: m[4]! }] : [];
    });
}

/**
 * The POST that shows the next page: the control saying "next" (`isNext`), else the numbered control for page
 * `current + 1`; null when the page has no post-back pager or no form to post.
 */
export function postBackNextPage($: Doc, pageUrl: string, current: number, isNext: (text: string) => boolean): NextListRequest | null {
  const controls = postBackControls($);
  const control = controls.find((c) => isNext(c.text)) ?? controls.find((c) => c.text === String(current + 1));
  if (!control) return null;
  const form = $('form')
    .toArray()
    .map((f) => $(f as Element))
    .find((f) => (f.attr('method') ?? '').toLowerCase() === 'post' && f.find('input[name=__EVENTTARGET], input[name=__VIEWSTATE]').length > 0);
  if (!form) return null;
  const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
  if (!action) return null;
  const fields = formFields($, form);
  fields.set('__EVENTTARGET', control.target);
  fields.set('__EVENTARGUMENT', control.argument);
  // An argument naming the page (`2`, `Page$2`) names the request; a relative one (`Page$Next`) is next from here.
  const which = /\d/.test(control.argument) ? control.argument : `${control.argument} after page ${current}`;
  return { ...formPost(action, fields, pageUrl), uniqueKey: `POST ${action} ${control.target} ${which}` };
}

/** A form's fields posted to `action` as a list page's next request (a browser's form POST, from `pageUrl`). */
export function formPost(action: string, fields: URLSearchParams, pageUrl: string): NextListRequest {
  const payload = fields.toString();
  return {
    url: action,
    method: 'POST',
    payload,
    headers: { 'content-type': 'application/x-www-form-urlencoded', referer: pageUrl },
    uniqueKey: `POST ${action} ${payload}`,
  };
}

/** The fields a form submits as the page holds them (buttons, files and unchecked boxes left out). */
export function formFields($: Doc, form: ReturnType<Doc>): URLSearchParams {
  const fields = new URLSearchParams();
  form.find('input[name], select[name], textarea[name]').each((_, el) => {
    const f = $(el as Element);
    const name = f.attr('name')!;
    const type = (f.attr('type') ?? 'text').toLowerCase();
    if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) return;
    if ((type === 'checkbox' || type === 'radio') && f.attr('checked') === undefined) return;
    if (f.is('select')) {
      const chosen = f.find('option[selected]').first();
      const opt = chosen.length ? chosen : f.find('option').first();
      fields.append(name, opt.attr('value') ?? squash(opt.text()));
    } else fields.append(name, f.is('textarea') ? f.text() : (f.attr('value') ?? ''));
  });
  return fields;
}
