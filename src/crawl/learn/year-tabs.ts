/**
 * Lists asked one year at a time: the page asks its list for the newest year only (`?year=2024`) and draws one tab
 * per year, asking for an older year when its tab is clicked. The learned request's parameter holding a year that
 * the page also shows as a bare tab ("2024", "2023年度") is that year; the other years shown are asked over HTTP as
 * lists of their own, with that parameter changed. The years may be drawn where no element names them (a canvas
 * timeline): an answer of the page listing the years stands for the tabs.
 */
import { loadHtml, squash } from '../html.ts';
import { textParams, withParam, type CapturedRequest } from './page-param.ts';

export interface YearParam {
  /** `path`: the year is a number of the address's path (`nbdata/nb2024.js`), `name` its index among them. */
  in: 'query' | 'form' | 'json' | 'path';
  name: string;
  /** The years the page offers besides the captured one, newest first. */
  others: number[];
}

/** A tab's text: a year alone, "2023年", "2023年度", "2023年度报告" (not a title). */
const TAB = /^(20[0-3]\d)\s*(年度?)?(报告|年报)?$/;
/** Elements a tab is drawn as: an accordion's year header too (`<h3>2023年度 <i>▼</i></h3>`, round 97b). */
const TAB_ELEMENTS = 'a, li, span, button, option, td, div, dd, dt, label, h3, h4, h5';
/** A tab's marks beside its year (an arrow, a plus, brackets): no part of its words. */
const TAB_MARKS = /[^\p{L}\p{N}]+/gu;

/** The years shown as tabs (bare year texts) on the rendered page. */
export function yearTabs(renderedHtml: string): Set<number> {
  const $ = loadHtml(renderedHtml);
  const out = new Set<number>();
  $(TAB_ELEMENTS).each((_, el) => {
    const m = TAB.exec(squash($(el).text()).replace(TAB_MARKS, ''));
    if (m) out.add(Number(m[1]));
  });
  return out;
}

/** The request's parameters (query, form, flat JSON body: page-param.ts `textParams`) whose value is a year. */
function yearValued(req: CapturedRequest): { in: YearParam['in']; name: string; value: number }[] {
  const params = textParams(req)
    .filter((p) => /^20[0-3]\d$/.test(p.value))
    .map((p) => ({ in: p.in as YearParam['in'], name: p.name, value: Number(p.value) }));
  // A year in the path (a data file per year, `nb2024.js`): the number's index among the path's (withParam 'path').
  const inPath = (new URL(req.url).pathname.match(/\d+/g) ?? []).flatMap((n, i) => (/^20[0-3]\d$/.test(n) ? [{ in: 'path' as const, name: String(i), value: Number(n) }] : []));
  return [...params, ...inPath];
}

/** A year as an answer lists it: 2024, "2024", "2024年", "2024年度". */
const LISTED_YEAR = /^(20[0-3]\d)\s*(?:年度?)?$/;
/** How deep an answer is walked for its list of years. */
const MAX_DEPTH = 6;

/**
 * The years an answer of the page lists as such: a JSON array of two or more years and nothing else
 * (`{"years": ["2024", "2023", …]}`: a timeline drawn on a canvas from it, no element naming a year, round 63b).
 */
export function answeredYears(bodies: readonly string[]): Set<number> {
  const out = new Set<number>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const years = v.map((x) => (typeof x === 'number' || typeof x === 'string' ? LISTED_YEAR.exec(String(x).trim()) : null));
      if (v.length >= 2 && years.every((m) => m !== null)) for (const m of years) out.add(Number(m![1]));
      else for (const x of v) walk(x, depth + 1);
      return;
    }
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  for (const body of bodies) {
    const text = body.trim();
    if (!text.startsWith('{') && !text.startsWith('[')) continue;
    try {
      walk(JSON.parse(text), 0);
    } catch {
      // Not JSON: no list of years.
    }
  }
  return out;
}

/**
 * The request's year parameter, when the page shows that year and others as tabs, or one of its answers lists them
 * (`answers`: the bodies of the page's exchanges); null otherwise.
 */
export function yearParam(req: CapturedRequest, renderedHtml: string, answers: readonly string[] = []): YearParam | null {
  const params = yearValued(req);
  if (!params.length) return null;
  const tabs = new Set([...yearTabs(renderedHtml), ...answeredYears(answers)]);
  const p = params.find((x) => tabs.has(x.value));
  if (!p) return null;
  const others = [...tabs].filter((y) => y !== p.value).sort((a, b) => b - a);
  return others.length ? { in: p.in, name: p.name, others } : null;
}

/** The request of each other year's list. */
export function yearRequests(req: CapturedRequest, years: YearParam): CapturedRequest[] {
  return years.others.map((y) => withParam(req, years.in, years.name, String(y)));
}
