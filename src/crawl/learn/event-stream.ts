/**
 * Server-sent event answers read as JSON. A column fed by `EventSource` (a Spring `SseEmitter`, an ASP.NET handler
 * writing `text/event-stream`) gets its list as a stream of events: `event: meta` + `data: {"total":11,…}`, then one
 * event per item (`data: {"title":…,"url":…}`), then an `end` event on which the page closes the source. Read as
 * `{meta: {total: 11, …}, message: [{title, url}, …], end: {}}` (each event's data parsed as JSON where it is; an
 * event name seen once holds its data, one seen more than once the list of them; unnamed events are `message`, as
 * the browser names them), the list is found by shape (list-shape.ts) and its total read (answer-total.ts) as for a
 * JSON answer.
 */
import type { Json } from './list-shape.ts';

/** A line of the event-stream format: a field (`data:`, `event:`, `id:`, `retry:`) or a comment (`:`). */
const FIELD = /^(data|event|id|retry)(?::\s?(.*))?$|^:/;

function parsed(data: string): Json {
  try {
    return JSON.parse(data) as Json;
  } catch {
    return data;
  }
}

/** The stream's events grouped by name; null when the text is not an event stream (a line of another form). */
export function eventStreamAsJson(text: string): Json | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const byName = new Map<string, Json[]>();
  let name = 'message';
  let data: string[] = [];
  let sawData = false;
  const dispatch = () => {
    if (data.length) byName.set(name, [...(byName.get(name) ?? []), parsed(data.join('\n'))]);
    name = 'message';
    data = [];
  };
  for (const line of lines) {
    if (!line.trim()) {
      dispatch();
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return null;
    if (m[1] === 'data') (data.push(m[2] ?? ''), (sawData = true));
    else if (m[1] === 'event') name = (m[2] ?? '').trim() || 'message';
  }
  dispatch();
  if (!sawData) return null;
  // Items are the events of a name seen more than once (or the unnamed ones); a name seen once holds its data.
  return Object.fromEntries([...byName].map(([k, v]) => [k, v.length === 1 && k !== 'message' ? v[0]! : v]));
}
