/**
 * Cursor pagers (`?lastId=…`, `cursor=…`, `{hasMore, lastId}`): the next request carries a value the previous answer
 * gave, either at a path of its own (`data.lastId`, `nextCursor`) or as a field of its last item (that item's id).
 * Where the value sits is learned from two captured requests (page-param.ts `learnCursor`); the learned family then
 * reads it from each answer to ask for the next.
 */
import { isRecord, jsonAnswerOrNull, valueAt, type Json, type JsonItemShape, type ItemShape } from './list-shape.ts';
import type { CursorParam } from './page-param.ts';
import { namesOf } from './param-names.ts';

/** Names that are a page number, an offset or a size, never a cursor (they are paged by number). */
const NUMBERED = /^(page|pages?no|pagenum|pageindex|current|currentpage|curpage|cur_page|currpage|pn|p|pg|start|offset|startindex|from|skip|size|pagesize|limit|rows|_t|t|_|timestamp|ts|time|sign|signature|nonce)$/i;
const MAX_DEPTH = 4;

function scalar(v: Json | undefined): string | null {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : null;
}

/** The path (root first, arrays not entered) of a scalar equal to `value`, shallowest first. */
function pathOf(root: Json, value: string): string[] | null {
  let level: { node: Json; path: string[] }[] = [{ node: root, path: [] }];
  for (let depth = 0; depth < MAX_DEPTH && level.length; depth++) {
    const next: { node: Json; path: string[] }[] = [];
    for (const { node, path } of level) {
      if (!isRecord(node)) continue;
      for (const [k, v] of Object.entries(node)) {
        if (scalar(v) === value) return [...path, k];
        if (isRecord(v)) next.push({ node: v, path: [...path, k] });
      }
    }
    level = next;
  }
  return null;
}

/** The key path inside an item whose value equals `value`. */
function itemPathOf(item: Json, value: string): string[] | null {
  if (!isRecord(item)) return null;
  for (const [k, v] of Object.entries(item)) if (scalar(v) === value) return [k];
  return null;
}

/**
 * Where the first answer holds `value` (the cursor the second request sent): a path of the answer's own, else a
 * field of its last item. Null when the answer does not hold it, or the parameter looks numbered (a small number
 * every answer happens to hold, like a page count).
 */
export function cursorSource(answer: string, answerUrl: string, shape: ItemShape, value: string): CursorParam['from'] | null {
  if (shape.kind !== 'json' || /^\d{1,2}$/.test(value)) return null;
  const json = jsonAnswerOrNull(answer, answerUrl);
  if (json === null) return null;
  const own = pathOf(json, value);
  if (own) return { answer: own };
  const items = valueAt(json, shape.arrayPath);
  const last = Array.isArray(items) ? items[items.length - 1] : undefined;
  const inItem = last === undefined ? null : itemPathOf(last, value);
  return inItem ? { item: inItem } : null;
}

/** Whether a parameter name may be a cursor. */
export function mayBeCursor(name: string): boolean {
  // By any name it is known by (param-names.ts): `page[offset]` is numbered, `page[cursor]` may be a cursor.
  return !namesOf(name).some((n) => NUMBERED.test(n));
}

/** The cursor value an answer gives for the next request; null at the end (no value, or no items). */
export function nextCursor(answer: string, answerUrl: string, shape: JsonItemShape, from: CursorParam['from']): string | null {
  const json = jsonAnswerOrNull(answer, answerUrl);
  if (json === null) return null;
  if ('answer' in from) return scalar(valueAt(json, from.answer));
  const items = valueAt(json, shape.arrayPath);
  return Array.isArray(items) && items.length ? scalar(valueAt(items[items.length - 1]!, from.item)) : null;
}
