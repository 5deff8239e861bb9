/**
 * The headers a page's script set on a list request, read as its parameters: an API gateway may sign each request
 * in its headers rather than its query (`X-Timestamp: 1764…`, `X-Sign: <md5>`; `X-Ca-Signature`, `X-Tif-Signature`).
 * Each is named by its last word (`x-ca-signature` → `signature`), so the signature rules of page-param.ts read a
 * header as they read a query parameter. Only the headers the browser lane kept are seen (credentialHeaders: a
 * credential or an `X-…` header the script set), never the browser's own.
 */
import type { CapturedRequest } from './page-param.ts';

export interface HeaderParam {
  in: 'header';
  /** The header's name, lower-cased (what the seed's note names). */
  name: string;
  /** Its last word: `timestamp`, `sign`, `signature`, `nonce`. */
  word: string;
  value: string;
}

export function headerParams(req: CapturedRequest): HeaderParam[] {
  return Object.entries(req.headers ?? {}).map(([k, v]) => ({ in: 'header', name: k.toLowerCase(), word: k.toLowerCase().split('-').pop()!, value: v }));
}
