/**
 * Query values of a learned link template that the list's own request gives (round 93b: a year tab's rows carry no
 * year, the page's template writes `gknbxq.html?id={{id}}&nf={{nf}}` with the year it asked for, `{"nf":"2024",…}`):
 * learned from the first year's answer, every other year's rows were linked to `&nf=2024` and answered 参数错误. Such a
 * value is a slot of the template (`{param:nf}`), filled with each answer's own request.
 */
import type { ItemShape } from './list-shape.ts';
import { textParams, type CapturedRequest } from './page-param.ts';

/**
 * A link template with the query values `slotOf` makes slots replaced (`&nf=2024` → `&nf={param:nf}`); `slotOf` gets
 * each value as written (not decoded) and returns its slot, or null to keep it. Values holding a slot already stay.
 */
export function slotQueryValues(template: string, slotOf: (name: string, written: string) => string | null): string {
  return template.replace(/([?&;])([\w.-]+)=([^&#;{}]+)/g, (whole, sep: string, name: string, written: string) => {
    const slot = slotOf(name, written);
    return slot === null ? whole : `${sep}${name}=${slot}`;
  });
}

/** A query value of the template written by a parameter of the same name and value in `request`, made a slot. */
export function withParamSlots(shape: ItemShape, request: CapturedRequest): ItemShape {
  if (shape.kind !== 'json' || shape.urlTemplate === undefined) return shape;
  const params = requestValues(request);
  const found: Record<string, string> = {};
  const template = slotQueryValues(shape.urlTemplate, (name, written) => {
    const value = decoded(written);
    const key = name.toLowerCase();
    if (value === null || params.get(key) !== value || found[key] !== undefined) return null;
    found[key] = value;
    return `{param:${key}}`;
  });
  return Object.keys(found).length ? { ...shape, urlTemplate: template, urlParams: { ...shape.urlParams, ...found } } : shape;
}

/** The shape with its template's request slots given the values `request` sent (the request that answered). */
export function shapeForRequest(shape: ItemShape, request: CapturedRequest): ItemShape {
  if (shape.kind !== 'json' || !shape.urlParams) return shape;
  const params = requestValues(request);
  const urlParams = Object.fromEntries(Object.entries(shape.urlParams).map(([k, v]) => [k, params.get(k) ?? v]));
  return { ...shape, urlParams };
}

/** A request's parameters by lower-cased name (a JSON body's top-level scalars included); the first of a name kept. */
function requestValues(request: CapturedRequest): Map<string, string> {
  const out = new Map<string, string>();
  let params: ReturnType<typeof textParams>;
  try {
    params = textParams(request);
  } catch {
    return out;
  }
  for (const p of params) if (!out.has(p.name.toLowerCase())) out.set(p.name.toLowerCase(), p.value.trim());
  return out;
}

function decoded(written: string): string | null {
  try {
    return decodeURIComponent(written.replace(/\+/g, ' ')).trim();
  } catch {
    return null;
  }
}
