/**
 * Lists written as objects keyed "0", "1", "2"…: PHP's json_encode writes an array whose keys are not 0…n−1 (rows
 * removed after paging, `array_filter` without `array_values`) as an object, so one endpoint answers a page with a
 * gap as `{"0":{…},"1":{…},"4":{…}}` and a page without one as `[…]` (a ThinkPHP paginator, round 58b). The page's
 * script walks either with `$.each` / `Object.values`; nianbao reads such an object as the list it is, in key order.
 * An object is taken for one only when every key is a whole number and every value an object (a map of counts by
 * year, `{"2023": 5}`, stays as it is).
 */
import type { Json } from './list-shape.ts';

/** How deep into an answer lists are looked for (a list sits a few levels down at most). */
const MAX_DEPTH = 8;
const INDEX = /^(?:0|[1-9]\d{0,5})$/;

/** The answer with every object keyed by whole numbers over objects turned into an array in key order. */
export function keyedAsArrays(json: Json, depth = 0): Json {
  if (depth > MAX_DEPTH || json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((v) => keyedAsArrays(v, depth + 1));
  const entries = Object.entries(json);
  const keyed = entries.length > 0 && entries.every(([k, v]) => INDEX.test(k) && v !== null && typeof v === 'object' && !Array.isArray(v));
  if (keyed) return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => keyedAsArrays(v, depth + 1));
  return Object.fromEntries(entries.map(([k, v]) => [k, keyedAsArrays(v, depth + 1)]));
}
