/**
 * A year filter drawn as a GET form (`<form method="get"><select name="year"><option>2024年</option>…</select>
 * <input type="submit" value="查询"></form>`): the page shows one year, and each other year is the form's address
 * with its fields and that year chosen — the request a user's 查询 sends. The option shown (selected, else the first)
 * is the page itself and is left out.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { isAgencyName } from '../classify/agency.ts';
import { documentBase, squash, type Doc } from '../html.ts';
import type { NextListRequest } from './family.ts';
import { formFields as postedFields, formPost } from './postback.ts';

/** An option that chooses no year: 全部 / 所有 / 请选择 / 不限 / --选择年份--. */
const ANY_YEAR = /^(?:全部|所有|请选择|不限|-+)/;

export interface YearOption {
  /** The option element (for the heading the menu sits under). */
  el: Element;
  url: string;
}

/**
 * Per year select of a GET form whose options (two or more) are all years: the URL of every year not shown; with a
 * select of units beside it, of every unit's every year but the pair shown.
 */
export function yearFormOptions($: Doc, pageUrl: string, isYear: (text: string) => boolean): YearOption[][] {
  const groups: YearOption[][] = [];
  for (const { form, action, select: selectEl, options, shown } of yearSelects($, pageUrl, isYear, 'get')) {
    const select = $(selectEl);
    const fields = formFields($, form, selectEl);
    const units = unitChoices($, form, selectEl);
    const address = (year: ReturnType<Doc>, unit?: UnitChoice) => {
      const u = new URL(action);
      u.search = '';
      for (const [k, v] of fields) u.searchParams.append(k, v);
      u.searchParams.set(select.attr('name')!, valueOf(year));
      if (unit) u.searchParams.set(unit.name, unit.value);
      return u.href;
    };
    // Every year of every unit when the form also chooses the unit (单位 × 年度: one report a page, round 76c), the
    // pair shown aside; else every year not shown.
    const urls = units
      ? units.flatMap((unit) => options.filter((o) => o !== shown || !unit.shown).map((o) => ({ el: o.get(0) as Element, url: address(o, unit) }))).slice(0, MAX_PAIRS)
      : options.filter((o) => o !== shown).map((o) => ({ el: o.get(0) as Element, url: address(o) }));
    groups.push(urls);
  }
  return groups;
}

/**
 * A year filter drawn as a POST form (`<form method="post"><select name="fbnf" onchange="this.form.submit()">`): each
 * year not shown is the form posted with that year chosen. A Java list action keeping the filter in its session
 * answers the POST by a redirect to the same address (Post/Redirect/Get, round 88d): the request follows it with the
 * session's cookie, so each year's list is read under its own POST, whatever address it ends on. An ASP.NET form
 * (`__EVENTTARGET`) is posted back as its select's change would be.
 */
export function yearPostForms($: Doc, pageUrl: string, isYear: (text: string) => boolean): NextListRequest[] {
  const out: NextListRequest[] = [];
  for (const { form, action, select, options, shown } of yearSelects($, pageUrl, isYear, 'post')) {
    const name = select.attribs.name!;
    const posted = postedFields($, form);
    for (const o of options) {
      if (o === shown) continue;
      const fields = new URLSearchParams(posted);
      fields.set(name, valueOf(o));
      if (fields.has('__EVENTTARGET')) fields.set('__EVENTTARGET', name);
      out.push(formPost(action, fields, pageUrl));
    }
  }
  return out;
}

/** A form's select whose options (two or more) are all years, with the form's address and the option it shows. */
interface YearSelect {
  form: ReturnType<Doc>;
  action: string;
  select: Element;
  options: Option[];
  shown: Option;
}

/** The year selects of the page's forms sent with `method` (a form without one is sent with GET). */
function* yearSelects($: Doc, pageUrl: string, isYear: (text: string) => boolean, method: 'get' | 'post'): Generator<YearSelect> {
  for (const formEl of $('form').toArray()) {
    const form = $(formEl as Element);
    if ((form.attr('method') ?? 'get').toLowerCase() !== method) continue;
    const action = resolveLink(form.attr('action') || pageUrl, documentBase($, pageUrl));
    if (!action) continue;
    for (const selectEl of form.find('select[name]').toArray()) {
      // Every option chosen must be a year.
      const options = choosable($, selectEl as Element);
      if (options.length < 2 || !options.every((o) => isYear(o.text()))) continue;
      yield { form, action, select: selectEl as Element, options, shown: shownOf(options) };
    }
  }
}

type Option = ReturnType<Doc>;

/** What an option sends: its value, else its text. */
const valueOf = (o: Option): string => o.attr('value') ?? squash(o.text());

/** A select's options that choose something: without a value, or for nothing in particular ("请选择", "全部"), skipped. */
function choosable($: Doc, select: Element): Option[] {
  return $(select)
    .find('option')
    .toArray()
    .map((o) => $(o as Element))
    .filter((o) => valueOf(o) !== '' && !ANY_YEAR.test(squash(o.text())));
}

/** The option a select shows: the selected one, else its first. */
const shownOf = (options: Option[]): Option => options.find((o) => o.attr('selected') !== undefined) ?? options[0]!;

/** Unit and year pairs asked of one form at most (forty units over five years). */
const MAX_PAIRS = 200;

interface UnitChoice {
  name: string;
  value: string;
  shown: boolean;
}

/**
 * The units another select of the form chooses among (单位: 县卫生健康局, 某镇人民政府 …), two or more, two in three named
 * as agencies, the "请选择" kind aside; null when the form has no such select (or more than one).
 */
function unitChoices($: Doc, form: ReturnType<Doc>, yearSelect: Element): UnitChoice[] | null {
  const found: UnitChoice[][] = [];
  for (const el of form.find('select[name]').toArray()) {
    if (el === yearSelect) continue;
    const options = choosable($, el as Element);
    if (options.length < 2 || options.filter((o) => isAgencyName(squash(o.text()))).length * 3 < options.length * 2) continue;
    const shown = shownOf(options);
    found.push(options.map((o) => ({ name: (el as Element).attribs.name!, value: valueOf(o), shown: o === shown })));
  }
  return found.length === 1 ? found[0]! : null;
}

/** The name/value pairs a submit of the form sends, the year select aside (buttons and unchecked boxes too). */
function formFields($: Doc, form: ReturnType<Doc>, except: Element): [string, string][] {
  const out: [string, string][] = [];
  form.find('input[name], select[name]').each((_, el) => {
    if (el === except) return;
    const f = $(el as Element);
    if (f.is('select')) {
      const chosen = f.find('option[selected]').first();
      const opt = chosen.length ? chosen : f.find('option').first();
      out.push([f.attr('name')!, opt.attr('value') ?? squash(opt.text())]);
      return;
    }
    const type = (f.attr('type') ?? 'text').toLowerCase();
    if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) return;
    if ((type === 'checkbox' || type === 'radio') && f.attr('checked') === undefined) return;
    out.push([f.attr('name')!, f.attr('value') ?? '']);
  });
  return out;
}
