/**
 * A 拼音首字母 bar: a column of the departments' and towns' reports that lists nothing until a unit's initial is chosen
 * ("按单位名称首字母检索：A B C … Z", each letter a link to `bmnb.jsp?zm=J`, no 全部; round 68a). Each letter's page lists
 * the units whose name starts with it, each under its heading, so every letter's page is a list page of the column.
 * Letter-only links are nothing else a column page shows in a row of eight or more (a pager has digits, a year bar
 * years), so the bar is told by its links alone: at least MIN_LETTERS distinct letters in one box, each leading to a
 * page of this host other than this one.
 */
import type { Element } from 'domhandler';
import { documentBase, squash, type Doc } from '../html.ts';
import { pageLink } from './page-link.ts';

const LETTER = /^[A-Za-z]$/;
/** Fewer letters than this in one box are no index of names (a section's "A 类" / "B 类" links). */
const MIN_LETTERS = 8;
/** Wrappers a bar puts around each letter: its box is the wrapper's parent. */
const LETTER_WRAPPER = new Set(['li', 'span', 'dd', 'td', 'em', 'b', 'strong', 'font']);

/** Every letter page of the letter bars on a page about the reports, in the bar's order; none when there is no bar. */
export function letterBarLinks($: Doc, pageUrl: string): string[] {
  const base = documentBase($, pageUrl);
  const bars = new Map<Element, Map<string, string>>();
  for (const el of $('a[href]').toArray()) {
    const a = $(el);
    const letter = squash(a.text());
    const url = LETTER.test(letter) ? pageLink(a.attr('href'), base, pageUrl) : null;
    if (!url) continue;
    let box = a.parent();
    if (box.length && LETTER_WRAPPER.has((box.get(0) as Element).name)) box = box.parent();
    const key = box.get(0) as Element | undefined;
    if (!key) continue;
    const letters = bars.get(key) ?? new Map<string, string>();
    if (!letters.has(letter.toUpperCase())) letters.set(letter.toUpperCase(), url);
    bars.set(key, letters);
  }
  const out = new Set<string>();
  for (const letters of bars.values()) {
    // Distinct pages: a bar of letters all leading to one address (a script's placeholder) is no index.
    if (letters.size < MIN_LETTERS || new Set(letters.values()).size < MIN_LETTERS) continue;
    for (const url of letters.values()) out.add(url);
  }
  return [...out];
}
