/**
 * An API's refusal answered with HTTP 200: a gateway that checks a signature, a token or a session answers with an
 * error object and status 200 (`{errcode: 40013, errmsg: "签名错误", data: null}`, `{success: false, message: "Invalid
 * token"}`). A learned list's replay refused so would read as an empty page, the end of the list: the refusal is said
 * instead, as for a 403. An answer saying only that there is nothing (暂无数据, 栏目不存在) is an end, no refusal.
 */
import { looksLikeJson } from './list-shape.ts';

const CODE_KEY = /^(code|errcode|err_code|errno|error_code|ret|retcode|rescode|resultcode|result_code|statuscode|status)$/i;
const FLAG_KEY = /^(success|ok|succeed)$/i;
const MESSAGE_KEY = /^(msg|message|errmsg|err_msg|errmessage|error|error_msg|errormsg|resultmsg|desc|info)$/i;
/** Codes that mean success on the platforms seen: 0, 200, "0000", "00000", "success", "ok" (1 is either: its message says). */
const SUCCESS_CODE = /^(0+|200|success|ok|true)$/i;
const SUCCESS_MESSAGE = /成功|^(ok|success|succeed)$/i;
/** Messages that say the list is over or empty, not that the request was refused. */
const NOTHING_MESSAGE = /暂无|没有|无数据|无记录|无更多|不存在|为空|no (more )?(data|records?|results?)|empty|not found/i;

/** The refusal's message (with its code), or null when the answer is no refusal. */
export function refusalMessage(body: string): string | null {
  if (!looksLikeJson(body)) return null;
  let json: unknown;
  try {
    json = JSON.parse(body.trim());
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const fields = Object.entries(json as Record<string, unknown>);
  const scalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);
  const message = fields.find(([k, v]) => MESSAGE_KEY.test(k) && typeof v === 'string' && v.trim() !== '')?.[1] as string | undefined;
  if (!message || SUCCESS_MESSAGE.test(message.trim()) || NOTHING_MESSAGE.test(message)) return null;
  const failed = fields.find(([k, v]) => FLAG_KEY.test(k) && v === false);
  const code = fields.find(([k, v]) => CODE_KEY.test(k) && scalar(v) && typeof v !== 'boolean' && !SUCCESS_CODE.test(String(v).trim()));
  if (!failed && !code) return null;
  return code ? `${message.trim()} (${code[0]} ${String(code[1])})` : message.trim();
}
