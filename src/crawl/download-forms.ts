/**
 * Files a page offers only through a form: a 附件下载 table whose 下载 is the submit button of a `<form method="post"
 * action="/file/download/61874">` carrying the file's id and a CSRF token in hidden fields (Spring and JSP directory
 * systems; a GET there answers 405). A person clicking gets the file; the form is the file's address, sent as the
 * browser sends it: a POST with its fields urlencoded, or a GET with them as the query (round 59a).
 *
 * Only forms of hidden fields and one submit saying 下载 (or 查看原文…) are read: a search box, a login or a vote has
 * fields a person fills, and is no file.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import { findWithin, squash, type Doc } from './html.ts';

export interface FormFile {
  url: string;
  /** The urlencoded fields of a POST form; absent for a GET form (its fields are in the address). */
  form?: string;
}

/** What a download button says. */
const DOWNLOAD_WORDS = /下载|download|获取(?:附件|文件|原文)|查看(?:附件|原文|全文)/i;
/** Fields a person fills: a form holding one is a search, a login, a vote, never a file. */
const FILLED = 'textarea, select, input:not([type]), input[type="text"], input[type="search"], input[type="password"], input[type="email"], input[type="tel"], input[type="number"], input[type="radio"], input[type="checkbox"], input[type="file"]';
const SUBMITS = 'button, input[type="submit"], input[type="image"], input[type="button"]';

/** The file a download form asks for, or null when the form is not one. */
export function formFile($: Doc, form: Element, base: string): FormFile | null {
  const node = $(form);
  if (findWithin($, node, FILLED).length) return null;
  const submits = findWithin($, node, SUBMITS).filter((_, el) => (el as Element).attribs.type !== 'reset');
  if (submits.length !== 1) return null;
  const submit = submits.first();
  const says = squash(`${submit.text()} ${submit.attr('value') ?? ''} ${submit.attr('title') ?? ''} ${submit.attr('alt') ?? ''}`);
  if (!DOWNLOAD_WORDS.test(says)) return null;
  const action = resolveLink(node.attr('action') || base, base);
  if (!action) return null;
  const fields = new URLSearchParams();
  findWithin($, node, 'input[type="hidden"][name]').each((_, el) => {
    fields.append((el as Element).attribs.name!, (el as Element).attribs.value ?? '');
  });
  // A named submit sends its own name and value, as a browser does for the button clicked.
  const name = submit.attr('name');
  if (name) fields.append(name, submit.attr('value') ?? '');
  if ((node.attr('method') ?? 'get').toLowerCase() === 'post') return { url: action, form: fields.toString() };
  const url = new URL(action);
  url.search = fields.toString();
  return { url: url.href };
}
