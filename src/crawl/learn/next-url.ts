/**
 * Lists paged by the address of their next page, which each answer gives (Django REST's `"next":
 * "https://…/docs/?cursor=cD0y"`, Laravel's `next_page_url`, JSON:API's `links.next`): the page asks that address
 * when turned, and the address is opaque (a cursor nianbao cannot count). Where the answer holds it is learned once;
 * the learned family then asks each answer's next address until an answer gives none.
 */
import { isRecord, jsonAnswerOrNull, valueAt, type Json } from './list-shape.ts';
import type { CapturedRequest } from './page-param.ts';

/** Keys naming the next page's address, when the browser did not see the page turned. */
const NEXT_KEY = /^(next|nexturl|next_url|nextpageurl|next_page_url|nextlink|next_link|nexthref|next_href)$/i;
const MAX_DEPTH = 4;

/** `value` as an absolute address on the answer's origin, or null when it is no address there. */
function sameOriginUrl(value: Json | undefined, answerUrl: string): string | null {
  if (typeof value !== 'string' || !/^(https?:\/\/|\/|\?)/i.test(value.trim())) return null;
  try {
    const url = new URL(value.trim(), answerUrl);
    return url.origin === new URL(answerUrl).origin ? url.href : null;
  } catch {
    return null;
  }
}

/** String fields near the answer's root (arrays not entered: they are items), shallowest first, with their paths. */
function* nearRoot(json: Json): Generator<{ path: string[]; key: string; value: Json }> {
  let level: { node: Json; path: string[] }[] = [{ node: json, path: [] }];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: { node: Json; path: string[] }[] = [];
    for (const { node, path } of level) {
      if (!isRecord(node)) continue;
      for (const [k, v] of Object.entries(node)) {
        yield { path: [...path, k], key: k, value: v };
        if (isRecord(v)) next.push({ node: v, path: [...path, k] });
      }
    }
    level = next;
  }
}

/**
 * Where the first answer gives the next page's address: the field whose address is the one the page asked when
 * turned (`second`), else, unseen, a field named like one (`next`, `next_page_url`) pointing at the same endpoint
 * (origin and path). Null when the answer gives none.
 */
export function nextUrlPath(answer: string, answerUrl: string, second: CapturedRequest | null): string[] | null {
  const json = jsonAnswerOrNull(answer, answerUrl);
  if (json === null) return null;
  const endpoint = new URL(answerUrl);
  for (const { path, key, value } of nearRoot(json)) {
    const url = sameOriginUrl(value, answerUrl);
    if (!url) continue;
    if (second ? url === new URL(second.url).href : NEXT_KEY.test(key) && new URL(url).pathname === endpoint.pathname) return path;
  }
  return null;
}

/** The next page's address an answer gives at `path`; null at the end (none, or one off the answer's origin). */
export function nextUrlOf(answer: string, answerUrl: string, path: string[]): string | null {
  const json = jsonAnswerOrNull(answer, answerUrl);
  return json === null ? null : sameOriginUrl(valueAt(json, path), answerUrl);
}

/** Whether a field is a next page's address by its name and value (`"next": "/api/…?cursor=…"`); null when not. */
export function isNextUrlField(key: string, value: Json | undefined): boolean | null {
  if (!NEXT_KEY.test(key)) return null;
  if (value === null) return false;
  return typeof value === 'string' && /^(https?:\/\/|\/|\?)/i.test(value.trim()) ? true : null;
}
