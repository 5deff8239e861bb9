/**
 * Lists asked one year at a time: the page asks its list for the newest year only (`?year=2024`) and draws one tab
 * per year, asking for an older year when its tab is clicked. The learned request's parameter holding a year that
 * the page also shows as a bare tab ("2024", "2023年度") is that year; the other years shown are asked over HTTP as
 * lists of their own, with that parameter changed.
 */
import { loadHtml, squash } from '../html.ts';
import { textParams, withParam, type CapturedRequest } from './page-param.ts';

export interface YearParam {
  in: 'query' | 'form' | 'json';
  name: string;
  /** The years the page offers besides the captured one, newest first. */
  others: number[];
}

/** A tab's text: a year alone, "2023年", "2023年度", "2023年度报告" (not a title). */
const TAB = /^(20[0-3]\d)\s*(年度?)?(报告|年报)?$/;
/** Elements a tab is drawn as. */
const TAB_ELEMENTS = 'a, li, span, button, option, td, div, dd, label';

/** The years shown as tabs (bare year texts) on the rendered page. */
export function yearTabs(renderedHtml: string): Set<number> {
  const $ = loadHtml(renderedHtml);
  const out = new Set<number>();
  $(TAB_ELEMENTS).each((_, el) => {
    const m = TAB.exec(squash($(el).text()));
    if (m) out.add(Number(m[1]));
  });
  return out;
}

/** The request's parameters (query, form, flat JSON body: page-param.ts `textParams`) whose value is a year. */
function yearValued(req: CapturedRequest): { in: YearParam['in']; name: string; value: number }[] {
  return textParams(req)
    .filter((p) => /^20[0-3]\d$/.test(p.value))
    .map((p) => ({ in: p.in, name: p.name, value: Number(p.value) }));
}

/** The request's year parameter, when the page shows that year and others as tabs; null otherwise. */
export function yearParam(req: CapturedRequest, renderedHtml: string): YearParam | null {
  const params = yearValued(req);
  if (!params.length) return null;
  const tabs = yearTabs(renderedHtml);
  const p = params.find((x) => tabs.has(x.value));
  if (!p) return null;
  const others = [...tabs].filter((y) => y !== p.value).sort((a, b) => b - a);
  return others.length ? { in: p.in, name: p.name, others } : null;
}

/** The request of each other year's list. */
export function yearRequests(req: CapturedRequest, years: YearParam): CapturedRequest[] {
  return years.others.map((y) => withParam(req, years.in, years.name, String(y)));
}
