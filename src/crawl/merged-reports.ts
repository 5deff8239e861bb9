/**
 * A page holding several units' reports one after another (五指山市乡镇2024年…年度报告: each town's report under a
 * heading naming the town and the year, round 43a). It is never taken for one unit's report (its title names a
 * collective, 乡镇, no agency): it is cut at its units' headings (splitMergedPage) and each part catalogued as its
 * unit's report; a page that cannot be cut so is said, not catalogued.
 */
import type { AnyNode, Element } from 'domhandler';
import { splitRegionPrefix } from '../registry/normalize.ts';
import { escapeHtml } from '../serve/html.ts';
import { isAgencyName } from './classify/agency.ts';
import { chineseYearsToDigits } from './classify/text.ts';
import { compact, loadHtmlToEdit, selectFirst, selectIn, type Doc } from './html.ts';

/** The unit a heading's words end with: the longest tail that is an agency's name starting with its region
 * ("现公布五指山市通什镇人民政府" → 五指山市通什镇人民政府); null when none is. */
function unitNamed(words: string): string | null {
  for (let i = 0; i < words.length - 2; i++) {
    const tail = words.slice(i);
    if (isAgencyName(tail) && splitRegionPrefix(tail).division !== undefined) return tail;
  }
  return null;
}

/** A heading naming one unit's report of a year: the unit's name, the year, the report's words. */
const UNIT_REPORT = /([\u4e00-\u9fff]{2,30}?(?:人民政府|政府|委员会|办公室|办事处|局|委|办|中心|镇|乡|街道))((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度报告/g;

/** A report's first section, once per report the text holds. */
const FIRST_SECTION = /一[、.．]?\s*总体情况/g;

/**
 * The units whose reports of one year the text holds, when two or more do, each with its own text (its 总体情况
 * section: a report that names another unit's report in passing holds one); else null.
 */
export function mergedUnits(bodyText: string): string[] | null {
  if ((bodyText.match(FIRST_SECTION)?.length ?? 0) < 2) return null;
  const byYear = new Map<string, Set<string>>();
  for (const m of bodyText.replace(/\s+/g, '').matchAll(UNIT_REPORT)) {
    const unit = unitNamed(m[1]!);
    if (!unit) continue;
    const units = byYear.get(m[2]!) ?? new Set<string>();
    units.add(unit);
    byYear.set(m[2]!, units);
  }
  const most = [...byYear.values()].sort((a, b) => b.size - a.size)[0];
  return most && most.size >= 2 ? [...most] : null;
}

/** A heading's number before its title: "一、", "1．", "（二）". */
const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

/** A heading that is one unit's report title and nothing more (numbered or not). */
const UNIT_HEADING = new RegExp(`^(?:${NUMBERING.source.slice(1)})?${UNIT_REPORT.source}$`);

/** A line naming one year's report and nothing else: "二〇二四年度政府信息公开工作年度报告", "2024年…年度报告". */
const YEAR_REPORT_LINE = /^((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度报告$/;
/** A former name a heading keeps after the unit's: "（原南关区卫生和计划生育局）". */
const FORMER_NAME = /[（(]原[^（()）]{2,30}[）)]$/;

/**
 * A heading naming one of `units` alone (its region written shorter: 南关区教育局 for 长春市南关区教育局; a former name
 * after it), whose next element names one year's report: that unit, that year, the two lines as its title.
 */
function namedOverYear(el: Element, text: string, units: readonly string[]): { unit: string; year: number; heading: string } | null {
  const name = text.replace(NUMBERING, '').replace(FORMER_NAME, '');
  if (name.length < 3 || !isAgencyName(name)) return null;
  const unit = units.find((u) => u === name || u.endsWith(name));
  if (!unit) return null;
  let next = el.next;
  while (next && next.type !== 'tag') next = next.next;
  const line = next ? shortText(next as Element, MAX_HEADING) : null;
  const year = line ? YEAR_REPORT_LINE.exec(chineseYearsToDigits(line))?.[1] : undefined;
  return year ? { unit, year: Number(year), heading: `${unit}${line}` } : null;
}

/** A heading's text at most this long (the unit's full name, the year, the report's words, a number). */
const MAX_HEADING = 70;

export interface MergedSection {
  unit: string;
  year: number;
  /** The heading as written (whitespace removed): the part's title. */
  heading: string;
  /** The part as a page of its own: the page's <base>, the heading as its title, the section's markup as its body. */
  html: string;
}

/** The text of an element when it holds at most `limit` characters other than whitespace, else null (read no further). */
function shortText(el: Element, limit: number): string | null {
  const parts: string[] = [];
  let n = 0;
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (c.type === 'text') {
      const t = compact((c as { data: string }).data);
      n += t.length;
      if (n > limit) return null;
      parts.push(t);
    } else if (c.type === 'tag') {
      const kids = (c as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('');
}

const ancestors = (el: AnyNode): AnyNode[] => {
  const out: AnyNode[] = [];
  for (let p = el.parent; p; p = p.parent) out.unshift(p);
  return out;
};

/**
 * The parts of a page holding several units' reports, each from its heading up to the next unit's heading: the
 * headings are elements whose whole text is one unit's report title (五指山市通什镇人民政府2024年政府信息公开工作年度报告),
 * two or more of `units`, each heading in a block of its own under one container (the article's body), each part holding
 * a report's text of its own (its 总体情况). Null when the page cannot be cut so: it is then said, not catalogued.
 */
export function splitMergedPage(html: string, units: readonly string[]): MergedSection[] | null {
  const $: Doc = loadHtmlToEdit(html);
  selectIn($, 'script, style, noscript').remove();
  const found: { el: Element; unit: string; year: number; heading: string }[] = [];
  const taken = new Set<AnyNode>();
  selectIn($, 'body *').each((_, el) => {
    // The outermost element of a heading ("<p><strong>…</strong></p>": the paragraph).
    if (ancestors(el).some((a) => taken.has(a))) return;
    const text = shortText(el, MAX_HEADING);
    const m = text ? UNIT_HEADING.exec(text) : null;
    if (!text) return;
    if (!m) {
      // A heading naming the unit alone over a line naming the year's report (a compilation's sections: "南 关 区 教
      // 育 局", then "二〇二四年度政府信息公开工作年度报告", round 71a).
      const named = namedOverYear(el, text, units);
      if (named) {
        taken.add(el);
        found.push({ el, ...named });
      }
      return;
    }
    // One of the units the article's text holds reports of (mergedUnits): not the page's title over them all
    // (五指山市乡镇2024年…: a collective), nor its metadata table's 名称 row.
    const unit = unitNamed(m[1]!);
    if (!unit || !units.includes(unit)) return;
    taken.add(el);
    found.push({ el, unit, year: Number(m[2]), heading: text.replace(NUMBERING, '') });
  });
  if (new Set(found.map((f) => `${f.unit} ${f.year}`)).size !== found.length || new Set(found.map((f) => f.unit)).size < 2) return null;
  // The container: the deepest element holding every heading; each heading's block is its child there.
  const chains = found.map((f) => [...ancestors(f.el), f.el]);
  let depth = 0;
  while (chains.every((c) => depth < c.length - 1 && c[depth] === chains[0]![depth])) depth++;
  const container = chains[0]![depth - 1];
  if (!container || !('children' in container)) return null;
  const siblings = (container as Element).children;
  const starts = chains.map((c) => siblings.indexOf(c[depth] as Element));
  if (starts.some((s, i) => s < 0 || (i > 0 && s <= starts[i - 1]!))) return null;
  const href = selectFirst($, 'base[href]').attr('href');
  const base = href ? `<base href="${escapeHtml(href)}">` : '';
  const sections = found.map((f, i) => {
    const nodes = siblings.slice(starts[i], starts[i + 1] ?? siblings.length);
    const body = nodes.map((n) => $.html(n)).join('');
    return {
      unit: f.unit,
      year: f.year,
      heading: f.heading,
      html: `<!DOCTYPE html><html><head><meta charset="utf-8">${base}<title>${escapeHtml(f.heading)}</title></head><body><div class="TRS_Editor">${body}</div></body></html>`,
      text: compact($(nodes).text()),
    };
  });
  // Each part a report of its own (its first section), not a heading over a line of text.
  if (sections.some((s) => !/一[、.．]?总体情况/.test(s.text))) return null;
  return sections.map(({ text: _text, ...s }) => s);
}
