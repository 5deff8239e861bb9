/**
 * A seed address as people paste it: retyped with a Chinese input method still on, or copied from a document. The
 * punctuation that gives a URL its structure then comes out full-width (`list.jsp？cid=12`, `？a＝1＆b＝2`,
 * `http：／／…`, `#` as `＃`), and a server answers that path 404 (round 32c's blind-pasted-seed: the seed `empty`,
 * its reason a column "that may have moved"). Those marks are read as their ASCII selves; nothing else is touched:
 * a path may hold Chinese on purpose (`/xxgk/乡镇/`, a file named `…（2023年）.pdf`), and a host written in
 * full-width letters is mapped by the URL parser itself (UTS #46).
 */

/**
 * Full-width `？` `＆` `＝` `＃` `：` `／` where they can only be the URL's own marks, as ASCII; the text trimmed, and the
 * message's punctuation glued on at its end taken off.
 */
export function pastedUrl(text: string): string {
  let s = text.trim();
  // The scheme's separator typed full-width: `http：／／`, `https：//`.
  s = s.replace(/^(https?)[:：][/／][/／]/i, '$1://');
  // A full-width question mark starts the query where no ASCII one does (nothing before it is query already).
  if (!s.includes('?')) s = s.replace('？', '?');
  const q = s.indexOf('?');
  if (q >= 0) {
    // In the query: its separators; a `＃` there starts the fragment.
    const query = s.slice(q).replace(/＆/g, '&').replace(/＝/g, '=').replace('＃', '#');
    s = s.slice(0, q) + query;
  } else if (!s.includes('#')) {
    s = s.replace('＃', '#');
  }
  return withoutTrailingPunctuation(s);
}

/** Sentence marks that end no address: the message's own, glued on when the address was copied from it. */
const SENTENCE_END = /[。，、；！：”’]+$/;
/** Closing brackets, taken off only when nothing before them opens them (a file `…（2023年）` keeps its own). */
const CLOSERS: Record<string, string> = { '）': '（', '》': '《', '】': '【' };

/**
 * An address copied out of a message with the message's punctuation glued on (`…/index.shtml）`, `…/index.html。`, round
 * 54c: a WeChat notice giving the column's address in brackets): that punctuation taken off.
 */
function withoutTrailingPunctuation(url: string): string {
  let s = url;
  for (let changed = true; changed; ) {
    changed = false;
    const cut = s.replace(SENTENCE_END, '');
    if (cut !== s) (s = cut), (changed = true);
    const last = s.at(-1) ?? '';
    const opener = CLOSERS[last];
    if (opener && !s.slice(0, -1).includes(opener)) (s = s.slice(0, -1)), (changed = true);
  }
  return s;
}
