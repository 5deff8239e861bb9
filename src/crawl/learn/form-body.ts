/**
 * A request body's form fields, whichever way the page encoded them: `application/x-www-form-urlencoded`
 * (`catId=12&page=1`) or `multipart/form-data`, which is what a page's `FormData` becomes when fetch, XHR or axios
 * posts it (parts between `--<boundary>` lines, each named by its `Content-Disposition`). A field is rewritten in
 * the page's own encoding, a multipart body keeping the boundary its captured Content-Type names, so a replay is the
 * page's request with one value changed. A DWR call's `text/plain` batch of typed lines is read as a form too
 * (dwr-batch.ts).
 */
import { dwrFields, isDwrBatch, withDwrField } from './dwr-batch.ts';

interface FormRequest {
  body: string | null;
  contentType: string | null;
}

/** The boundary a `multipart/form-data` Content-Type names (quoted or not), or null. */
export function multipartBoundary(contentType: string | null): string | null {
  const m = /^\s*multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

interface Part {
  /** The part's headers (Content-Disposition, Content-Type…), as sent. */
  head: string;
  value: string;
  /** Its field name; null for a part without one. */
  name: string | null;
  /** A file's part (`filename=`): no field to read or set. */
  file: boolean;
}

/** A part's text between two delimiter lines: its line break, headers, a blank line, its value, a line break. */
const PART = /^\r?\n([\s\S]*?)\r?\n\r?\n([\s\S]*?)\r?\n$/;

/** The body cut at its delimiters: the preamble, the parts' texts, and the closing delimiter's tail (`--\r\n`). */
function pieces(body: string, boundary: string): string[] {
  return body.split(`--${boundary}`);
}

function partOf(text: string): Part | null {
  const m = PART.exec(text);
  if (!m) return null;
  const head = m[1]!;
  const disposition = /^content-disposition:[^\r\n]*/im.exec(head)?.[0] ?? '';
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? null;
  return { head, value: m[2]!, name, file: /;\s*filename\*?=/i.test(disposition) };
}

/** A multipart body's fields (file parts left out), in order; null when the request is no multipart post. */
export function multipartFields(req: FormRequest): [string, string][] | null {
  const boundary = multipartBoundary(req.contentType);
  if (!boundary || !req.body) return null;
  const out: [string, string][] = [];
  for (const text of pieces(req.body, boundary).slice(1, -1)) {
    const part = partOf(text);
    if (part && part.name !== null && !part.file) out.push([part.name, part.value]);
  }
  return out;
}

/** Whether the body is an urlencoded form: said by its Content-Type, or, unlabelled, shaped like one. */
function isUrlencoded(req: FormRequest): boolean {
  if (!req.body) return false;
  if (/x-www-form-urlencoded/i.test(req.contentType ?? '')) return true;
  return !/json|multipart/i.test(req.contentType ?? '') && /^[^{[<\s][^=&]*=/.test(req.body);
}

/** The request's form fields, urlencoded, multipart or a DWR call's batch (dwr-batch.ts); null when its body is no form. */
export function formFields(req: FormRequest): [string, string][] | null {
  if (isDwrBatch(req.body)) return dwrFields(req.body);
  const multipart = multipartFields(req);
  if (multipart) return multipart;
  return isUrlencoded(req) ? [...new URLSearchParams(req.body!)] : null;
}

/**
 * The body with one field set (added when absent), in the request's own encoding: a multipart body keeps its
 * boundary and every other part as sent; anything else is written as an urlencoded form.
 */
export function withFormField(req: FormRequest, name: string, value: string): string {
  if (isDwrBatch(req.body)) return withDwrField(req.body, name, value);
  const boundary = multipartBoundary(req.contentType);
  if (boundary && req.body && multipartFields(req)) {
    const all = pieces(req.body, boundary);
    let set = false;
    for (let i = 1; i < all.length - 1; i++) {
      const part = partOf(all[i]!);
      if (!part || part.file || part.name !== name) continue;
      const eol = all[i]!.startsWith('\r\n') ? '\r\n' : '\n';
      all[i] = `${eol}${part.head}${eol}${eol}${value}${eol}`;
      set = true;
      break;
    }
    if (!set) all.splice(all.length - 1, 0, `\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    return all.join(`--${boundary}`);
  }
  const form = new URLSearchParams(req.body ?? '');
  form.set(name, value);
  return form.toString();
}
