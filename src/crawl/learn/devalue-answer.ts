/**
 * SvelteKit's server data answers read as plain data. A SvelteKit route's data is asked by its client runtime at
 * `<route>/__data.json?…&x-sveltekit-invalidated=01` and answered `{"type":"data","nodes":[{"type":"data","data":
 * [ … ],"uses":{…}}, {"type":"skip"}, …]}`, each node's data FLATTENED by devalue: one array holding every value
 * once, its first entry the root, and every number inside an object or array the INDEX of its value in the array
 * (`[{"list":1},[2],{"id":3,"title":4},2905,"…年度报告"]`). Read as it is, no record holds a title, so the list was
 * not learned; unflattened, the page's data is found by shape (list-shape.ts) like any answer.
 */
import type { Json } from './list-shape.ts';

/** devalue's special indexes: undefined, an array hole, NaN, ±Infinity, -0 (all read as null but -0). */
const SPECIAL: Record<number, Json> = { [-1]: null, [-2]: null, [-3]: null, [-4]: null, [-5]: null, [-6]: 0 };
/** An entry holding a typed value (`["Date","2025-01-20T00:00:00.000Z"]`, `["Map",…]`): its first element's name. */
const TYPED = new Set(['Date', 'Set', 'Map', 'RegExp', 'Object', 'BigInt', 'null', 'URL', 'URLSearchParams']);

/** One node's flattened values as the data they encode; null when they are not devalue's form. */
export function unflatten(values: Json): Json | null {
  if (!Array.isArray(values) || values.length === 0) return null;
  const done = new Map<number, Json>();
  const busy = new Set<number>();
  let broken = false;
  const at = (i: Json): Json => {
    if (typeof i !== 'number' || !Number.isInteger(i)) return (broken = true), null;
    if (i < 0) return i in SPECIAL ? SPECIAL[i]! : ((broken = true), null);
    if (i >= values.length) return (broken = true), null;
    if (done.has(i)) return done.get(i)!;
    // A cycle (devalue allows them): the inner reference read as null rather than looping.
    if (busy.has(i)) return null;
    busy.add(i);
    const v = values[i]!;
    let out: Json;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && TYPED.has(v[0])) out = v[0] === 'Date' && typeof v[1] === 'string' ? v[1] : null;
      else out = v.map(at);
    } else if (v !== null && typeof v === 'object') out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, at(x)]));
    else out = v;
    busy.delete(i);
    done.set(i, out);
    return out;
  };
  const root = at(0);
  return broken ? null : root;
}

const isObject = (v: Json | undefined): v is { [k: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A SvelteKit `__data.json` answer read as the data its page sees (`page.data`: every data node's data, the layout's
 * then the page's, merged into one object), so the list and its counts (`total`) sit near the root as in any
 * answer; any other answer, or one whose nodes do not unflatten to objects, unchanged.
 */
export function kitDataAsJson(json: Json): Json {
  if (!isObject(json) || json.type !== 'data' || !Array.isArray(json.nodes)) return json;
  const merged: { [k: string]: Json } = {};
  let read = 0;
  for (const n of json.nodes) {
    if (!isObject(n) || n.type !== 'data') continue; // `{"type":"skip"}`: a node not asked again, or null
    const data = unflatten(n.data ?? null);
    if (!isObject(data)) return json;
    Object.assign(merged, data);
    read += 1;
  }
  return read ? merged : json;
}
