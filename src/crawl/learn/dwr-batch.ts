/**
 * A DWR (Direct Web Remoting) call read as a form. DWR's engine, on many older Java 政务公开 systems, posts each
 * remote call as `text/plain` lines (`callCount=1`, `c0-scriptName=InfoService`, `c0-methodName=queryPage`,
 * `c0-param0=string:1208`, `c0-param1=number:2`, `batchId=3`, `scriptSessionId=…`), every argument's value typed by a
 * prefix. Read as form fields, the call's arguments give their bare values (the page number is `2`, a string
 * argument decoded); the engine's own bookkeeping (the batch counter, which grows with every call like a page number
 * would) is no parameter of the list. A field is set back in the batch's own writing, its type prefix kept.
 */

/** The first line of every DWR batch. */
const BATCH = /^callCount=\d+\r?\n/;
/** The engine's counters and ids, sent with every call: not the call's arguments. */
const BOOKKEEPING = /^(callCount|nextReverseAjaxIndex|batchId|instanceId|windowName|c\d+-id)$/;
/** A typed argument: `number:2`, `string:%E5%B9%B4`, `boolean:true`. */
const TYPED = /^(number|string|boolean):(.*)$/;

export function isDwrBatch(body: string | null): body is string {
  return !!body && BATCH.test(body);
}

function lines(body: string): { key: string; value: string }[] {
  return body.split(/\r?\n/).flatMap((line) => {
    const i = line.indexOf('=');
    return i > 0 ? [{ key: line.slice(0, i), value: line.slice(i + 1) }] : [];
  });
}

function bare(value: string): string {
  const m = TYPED.exec(value);
  if (!m) return value;
  if (m[1] !== 'string') return m[2]!;
  try {
    return decodeURIComponent(m[2]!);
  } catch {
    return m[2]!;
  }
}

/** The batch's fields that are the call's own (its script, method and arguments, the page it was made from), values bare. */
export function dwrFields(body: string): [string, string][] {
  return lines(body)
    .filter((l) => !BOOKKEEPING.test(l.key))
    .map((l) => [l.key, bare(l.value)]);
}

/** The batch with one field set, its type prefix kept (a bare value where the field had none); added when absent. */
export function withDwrField(body: string, name: string, value: string): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  let set = false;
  const out = body.split(/\r?\n/).map((line) => {
    if (!line.startsWith(`${name}=`)) return line;
    set = true;
    const type = TYPED.exec(line.slice(name.length + 1))?.[1];
    return `${name}=${type ? `${type}:${type === 'string' ? encodeURIComponent(value) : value}` : value}`;
  });
  if (!set) out.splice(out[out.length - 1] === '' ? out.length - 1 : out.length, 0, `${name}=${value}`);
  return out.join(eol);
}
