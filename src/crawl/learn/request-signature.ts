/**
 * Signed list requests: a parameter or header a page computes per request (a digest beside a timestamp), which makes
 * a replay with another page number refused; such a list is read by turning its pages in the browser instead.
 */
import { headerParams } from './header-params.ts';
import { textParams, type CapturedRequest } from './page-param.ts';

/**
 * A value a page computes per request to sign it: a hex digest (8+ characters, letters among them) or base64 (16+).
 * A JSONP callback name (`jsonp_1764…`) changes per request too, but is no signature.
 */
const SIGNATURE_VALUE = /^(?=.*[a-f])[0-9a-f]{8,}$|^(?=.*[a-z])(?=.*\d)[a-z0-9+/]{16,}={0,2}$/i;
const CALLBACK_NAME = /callback|^(jsonp|cb)$/i;
/** A parameter named as a signature; its value need only be a token: a 32-bit hash written in hex without padding
 * has 7 characters one time in sixteen, and no letter one time in forty. */
const SIGNATURE_NAME = /^_?(sign|signature|sig)$/i;
const SIGNATURE_TOKEN = /^[0-9a-z+/_-]{6,}={0,2}$/i;

/**
 * A signature seen in one request alone (the page's second request was not caught, e.g. on a slow machine): a
 * parameter named as one (`sign`, `signature`, `sig`) whose value looks like a digest, beside a timestamp parameter
 * (`_t`, `t`, `ts`, `timestamp`, `time` holding 10 or 13 digits). Without the timestamp a fixed key named `sign`
 * would be taken for a signature.
 */
export function namedSignatureParam(request: CapturedRequest): string | null {
  const params = signingParams(request);
  const stamped = params.some((p) => /^_?(t|ts|time|timestamp)$/i.test(p.word) && /^\d{10}(\d{3})?$/.test(p.value));
  if (!stamped) return null;
  return params.find((p) => SIGNATURE_NAME.test(p.word) && SIGNATURE_TOKEN.test(p.value))?.name ?? null;
}

/** The parameters a signature may be among: the query, form and JSON body, and the headers the script set. */
function signingParams(req: CapturedRequest): { in: string; name: string; word: string; value: string }[] {
  return [...textParams(req).map((p) => ({ ...p, word: p.name })), ...headerParams(req)];
}

/**
 * The parameter a page signs its requests with (`sign=…` beside `_t=…`, or an `X-Sign` header): present in both
 * requests, its value changed between them and looks like a digest. A replay of such a request with another page number is refused by the server,
 * so the list is read by turning the page in the browser instead.
 */
export function signatureParam(first: CapturedRequest, second: CapturedRequest): string | null {
  const before = new Map(signingParams(first).map((p) => [`${p.in} ${p.name}`, p.value]));
  for (const p of signingParams(second)) {
    const was = before.get(`${p.in} ${p.name}`);
    if (CALLBACK_NAME.test(p.name) || was === undefined || was === p.value) continue;
    if (SIGNATURE_VALUE.test(was) && SIGNATURE_VALUE.test(p.value)) return p.name;
    if (SIGNATURE_NAME.test(p.word) && SIGNATURE_TOKEN.test(was) && SIGNATURE_TOKEN.test(p.value)) return p.name;
  }
  return null;
}
