/**
 * A drawn page still saying it is loading ("数据加载中…", "正在加载", a full-page "页面加载中" mask) has not drawn its
 * list yet, whatever its network says: a platform whose script waits out a load mask or a timer before it asks for
 * the list (round 62b: 2.5 s of an idle network after `load`, then an answer taking more) reads as an empty page to
 * a crawler that takes network idle for done. While such a sign is shown, the page is waited for, and its data
 * requests after it are let end. A page showing none costs one evaluation.
 */
import type { Element, Text } from 'domhandler';
import type { Page } from 'playwright';
import { loadHtml, squash } from './html.ts';
import { watchDataRequests } from './learn/quiet-traffic.ts';

/**
 * The whole text of an element that only says the page is loading: 加载中, 数据加载中…, 正在加载数据，请稍候, 页面载入中,
 * Loading... (a spinner's caption). Matched on short texts only, so an article mentioning 加载 is none.
 */
export const LOADING_SIGN = /^(?:(?:数据|页面|内容|列表|信息|资源)?(?:正在)?(?:加载|载入|读取)(?:数据|内容|列表)?(?:中)?|loading)[\s.。…·,，]*(?:请稍[候等](?:片刻)?)?[\s.。…·!！]*$/i;
/** How long a page may say it is loading before it is read as it is. */
const LOADING_WAIT_MS = 15_000;
/** How long the data requests set off once the sign is gone may take to end. */
const AFTER_SIGN_MS = 10_000;

/** Whether a visible element of the page says only that the page is loading. */
function showsLoadingSign(page: Page): Promise<boolean> {
  return page
    .evaluate((source) => {
      const sign = new RegExp(source, 'i');
      for (const el of Array.from(document.body?.querySelectorAll('*') ?? [])) {
        const text = (el.textContent ?? '').trim();
        if (!text || text.length > 30 || !sign.test(text)) continue;
        const style = getComputedStyle(el);
        if (el.getClientRects().length && style.visibility !== 'hidden' && Number(style.opacity) > 0.05) return true;
      }
      return false;
    }, LOADING_SIGN.source)
    .catch(() => false);
}

/** Waits while the page shows a loading sign (up to LOADING_WAIT_MS), then for the data requests it set off. */
export async function waitWhileLoading(page: Page): Promise<void> {
  if (!(await showsLoadingSign(page))) return;
  const requests = watchDataRequests(page);
  try {
    const deadline = Date.now() + LOADING_WAIT_MS;
    while (Date.now() < deadline && (await showsLoadingSign(page))) await page.waitForTimeout(250);
    await requests.quiet(AFTER_SIGN_MS);
  } finally {
    requests.stop();
  }
}

/** The elements whose whole text may be a loading sign. */
const SIGN_HOLDERS = new Set(['p', 'div', 'span', 'li', 'td']);
const SIGN_WORD = /加载|载入|读取|loading/i;

/**
 * Whether an element of a page read over HTTP says only that it is loading (its script has not run: "正在加载…"). Such
 * an element holds a text naming the loading: only the ancestors of those texts are looked at, up to the first whose
 * text is longer than a sign (the page's wrappers are never copied out whole).
 */
export function saysLoading(html: string): boolean {
  if (!SIGN_WORD.test(html)) return false;
  const $ = loadHtml(html);
  const body = $('body').get(0);
  for (const node of $('body *').contents().toArray()) {
    if (node.type !== 'text' || !SIGN_WORD.test((node as Text).data)) continue;
    for (let el = node.parent as Element | null; el && el !== body && el.type === 'tag'; el = el.parent as Element | null) {
      const text = squash($(el).text());
      if (text.length > 30) break;
      if (SIGN_HOLDERS.has(el.name) && text.length > 0 && LOADING_SIGN.test(text)) return true;
    }
  }
  return false;
}
