/**
 * A rate limit answered as a page: cloud WAFs in front of government sites (安全狗, 云锁, the provinces' 云盾) answer a
 * client that asks too fast with status 200 and a short page saying "访问过于频繁，请稍后再试" instead of a 429. Taken
 * for the page that was asked, it reads as an empty list page, a report page with no report, or a file answered by a
 * web page: reports lost without a word. The fetcher treats such a page as the 429 it stands for (pause, ask again,
 * a failure at the end), so nothing is read from it.
 */
import iconv from 'iconv-lite';

/** A block page is short: a sentence, an event id, a way home. Anything longer is a page that may quote the words. */
export const MAX_BLOCK_BYTES = 16 * 1024;
const MAX_BLOCK_TEXT = 400;
/** "访问过于频繁", "请求太频繁", "操作过于频繁", "访问频率过高/过快", "频繁访问"; an old ASP CMS's 防刷新 notice ("本页面起用了
 * 防刷新机制，请不要在1秒内连续刷新本页面", its meta refresh reloading it: round 91d). */
const TOO_FREQUENT = /(?:访问|请求|操作|刷新)(?:过于|太过|太|过度|过)频繁|(?:访问|请求)频率(?:过高|过快|太高|太快|超过)|频繁访问|访问受限.{0,20}稍后|防刷新|(?:连续|频繁|快速)刷新|刷新(?:过快|太快)/;

/** Characters every TOO_FREQUENT match holds. */
const MAY_SAY_IT = /频|受限|刷新/;

/** The visible text of a short HTML page (scripts and styles out). */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .trim();
}

/** What a short page answered in place of the one asked says, and how to tell (soft-rate-limit.ts, server-busy.ts). */
export interface PageSaying {
  /** The most bytes such a page has, and the most visible characters: longer pages may quote the words. */
  maxBytes: number;
  maxText: number;
  /** Characters every match of `says` holds: a text without them is passed over before its tags are stripped. */
  maySay: RegExp;
  says: RegExp;
  /** A page that cannot be one though its words say it (too many links: a list quoting them). */
  refuse?: (html: string) => boolean;
}

/**
 * Whether these bytes are a short page saying `says`, read as UTF-8 or GBK (older appliances and CMS answer in the
 * site's charset; the patterns are Chinese, so a wrong guess simply does not match).
 */
export function shortPageSays(bytes: Buffer, p: PageSaying): boolean {
  if (bytes.length === 0 || bytes.length > p.maxBytes) return false;
  // Every page of up to 16 KiB comes here, twice (soft-rate-limit, server-busy): one whose bytes hold none of the
  // characters its words need, in UTF-8 or in GBK, is passed over before it is decoded twice.
  if (!needlesOf(p).some((n) => bytes.includes(n))) return false;
  for (const text of [bytes.toString('utf8'), iconv.decode(bytes, 'gbk')]) {
    // Every page of up to 16 KiB comes here: stripped only when its words could say it (stripping adds none).
    if (!p.maySay.test(text)) continue;
    if (p.refuse?.(text)) return false;
    const visible = visibleText(text);
    if (visible.length <= p.maxText && p.says.test(visible)) return true;
  }
  return false;
}

const needles = new WeakMap<PageSaying, Buffer[]>();

/**
 * The bytes, in UTF-8 and in GBK, of the strings `maySay` is an alternation of (`频|受限`): a text decoded from bytes
 * that hold none of them cannot match it. A pattern that is not a plain alternation gives an empty byte string,
 * found in any bytes.
 */
function needlesOf(p: PageSaying): Buffer[] {
  let found = needles.get(p);
  if (!found) {
    const plain = !p.maySay.flags.replace(/[gu]/g, '') && /^[^\\()[\]{}.*+?^$]+$/.test(p.maySay.source);
    found = plain ? p.maySay.source.split('|').flatMap((s) => [Buffer.from(s, 'utf8'), iconv.encode(s, 'gbk')]) : [Buffer.alloc(0)];
    needles.set(p, found);
  }
  return found;
}

const TOO_FREQUENT_PAGE: PageSaying = { maxBytes: MAX_BLOCK_BYTES, maxText: MAX_BLOCK_TEXT, maySay: MAY_SAY_IT, says: TOO_FREQUENT };

/** Whether these bytes are a WAF's "too frequent" page: short, its text saying the client asks too often. */
export function saysTooFrequent(bytes: Buffer): boolean {
  return shortPageSays(bytes, TOO_FREQUENT_PAGE);
}

/**
 * Whether a response may be such a page: a success or a client error whose type is HTML, JSON or plain text (a Spring back end's rate
 * limiter answers `{"msg":"访问过于频繁，请稍候再试","code":500}` with 200: round 61d) or not given, short or of unknown
 * length.
 */
export function mayBeBlockPage(status: number, contentType: string | undefined, contentLength: number | null): boolean {
  // A refusal's status too (403, 405: 阿里云's CC rule answers 405 with its "访问过于频繁" page, round 72d): the rate
  // limit it stands for, asked again after a pause, not a page refused for good. 429 is handled as itself.
  if (status < 200 || (status >= 300 && status < 400) || status === 429 || status >= 500) return false;
  if (contentType && !/html|json|text\/plain|javascript/i.test(contentType)) return false;
  return contentLength === null || contentLength <= MAX_BLOCK_BYTES;
}

