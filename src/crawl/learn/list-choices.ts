/**
 * Choices a list page offers that load another list: a tab bar drawn by script (县政府 / 部门 / 乡镇, each tab asking
 * its own channel), a `<select>` filtering the list (the year of publication, a department). On load only the current
 * choice is asked; the others' reports are reached by choosing them. Each other choice is made in the browser, once:
 * with a learned endpoint, a choice that asks the same endpoint for items not seen (a report among them) is kept as a
 * list of its own, asked over HTTP in this run and later ones; with none (answers the page decodes itself), or when
 * the choice asks another endpoint, what the choice drew is read, its pager turned, as the list's later pages are
 * (drawn-pages.ts), and later runs render the page again to read it.
 */
import type { Frame, Page } from 'playwright';
import { classifyTitle } from '../classify/title.ts';
import { namesReportColumn } from '../families/report-column.ts';
import { crossedChoices } from './crossed-choices.ts';
import { drawnPages } from './drawn-pages.ts';
import { chooseDrawn, drawnSelectChoices } from './drawn-selects.ts';
import { endpointKey, nextAnswer, type Learned } from './learn.ts';
import type { DrawnLink } from './list-shape.ts';
import { firstPageKey } from './page-param.ts';
import { PAGE_HELPERS } from './page-helpers.ts';
import { actAndWait } from './traffic.ts';
import { clickNode, markTreeNodes, openFolders, ownFrames } from './tree-nodes.ts';

/**
 * A choice of the page: a tab (an element to click), an option of a `<select>`, a leaf of a tree (tree-nodes.ts), an
 * option of a select a UI library draws (drawn-selects.ts) or a value of a slider (`<input type="range">`).
 */
export interface Choice {
  kind: 'tab' | 'option' | 'node' | 'drawn' | 'range';
  /** Tabs of one bar, options of one select, share a group. */
  group: number;
  /** The mark of the element to click (tab), of the select (option) or of the slider (range); a drawn select's index (drawn). */
  mark: string;
  /** A tab of the bar's drop-down (更多年度 ▾) closed on load: its click is dispatched, as the drop-down's reader's. */
  hidden?: true;
  /** A tab of a bar whose current tab is 全部: a part of the list read, made only when that list is cut short. */
  ofAll?: true;
  /** The option's value, or the slider's. */
  value?: string;
  /** A tree's leaf drawn in a frame of the page (its index among `ownFrames`), not in the page itself. */
  frame?: number;
  /** An option's select's value when the page was loaded (全部, or the year shown first): set back once its group is done. */
  initial?: string;
  text: string;
}

/** A choice's request as the endpoint keeps it: the same method, headers and paging as the endpoint's own. */
export interface ChoiceRequest {
  url: string;
  body: string | null;
}

/** Choices made at most on a page (each costs a click and a wait), and groups of choices tried. */
const MAX_CHOICES = 12;
const MAX_GROUPS = 6;

/** A choice's label naming what lists of reports are chosen by: a year, a level or kind of unit, the reports. */
const LIST_HINT = /(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}|年|政府|部门|乡镇|街道|单位|局|委|办|县|区|市|年报|报告|公开/;

/**
 * The choices to make, in the order they are made (byLikelihood). A group offering a choice named as the annual
 * reports' column (政府信息公开年报, 年度报告, 部门年报: a 目录 tree of categories, a tab bar of columns) is a menu of
 * columns, and the reports are under that choice: its other choices (政策文件, 统计年报, 年度工作要点, 政府网站工作年度报表)
 * are columns of other information, neither made nor counted unmade. Other groups (units, years) are made whole.
 */
export function choicesToMake(allChoices: Choice[], capped = false): Choice[] {
  // A 全部 bar's other tabs show parts of the list read, unless its pager stops before the list's end (a TRS page cap).
  const choices = capped ? allChoices : allChoices.filter((c) => !c.ofAll);
  const columnGroups = new Set(choices.filter((c) => namesReportColumn(c.text)).map((c) => c.group));
  // Such a group keeps only choices naming the reports, so byLikelihood ranks it with the first.
  return byLikelihood(choices.filter((c) => !columnGroups.has(c.group) || namesReportColumn(c.text)));
}

/**
 * The choices in the order they are made: groups whose labels name years, units or the reports first (a page's
 * search-field select or its news tabs last), a select's options before tabs, each group's choices in page order.
 */
function byLikelihood(choices: Choice[]): Choice[] {
  const hinted = new Map<number, number>();
  for (const c of choices) if (LIST_HINT.test(c.text)) hinted.set(c.group, (hinted.get(c.group) ?? 0) + 1);
  const share = (g: number) => (hinted.get(g) ?? 0) / choices.filter((c) => c.group === g).length;
  // A select's options before the tabs: a tab chosen may hide the pane holding the select, or set it back, while an
  // option chosen keeps the tab (crossed-choices.ts crosses what each set).
  const rank = (c: Choice) => (c.kind === 'option' || c.kind === 'drawn' || c.kind === 'range' ? 0 : 1);
  return choices.map((c, i) => ({ c, i, s: share(c.group) })).sort((a, b) => b.s - a.s || rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

/**
 * Run in the page, as source text (see rendered-html.ts): marks the choices and returns them, the current one of each
 * group left out. A tab bar: two to twelve sibling elements of one tag, each a short label (no block inside; not a
 * page number, a pager's word nor a count like "共12条" or "1 / 3") with no address to follow (no href, `javascript:`,
 * `#`), one of them marked current (a class on, active, cur, current, sel, selected, hover, layui-this, alone or
 * ending a word as tab-on, item_cur, or aria-selected; on it or on its only child), or, none so marked, the one of three
 * or more styled apart from the others; a list of three to forty units' names (县教育局, 某镇人民政府) needs no mark, each
 * is a choice. A select: two to forty options, no jump menu (no
 * option value an address, no `location` in its onchange), no page numbers, no page sizes ("10 条/页").
 */
export const MARK_CHOICES = `(() => {
  const CURRENT = /(^|\\s)([\\w-]*[-_])?(on|active|cur|curr|current|sel|selected|checked|hover|now|is-active|layui-this)(\\s|$)/i;
  const POSITIONAL = /(^|[\\s_-])(first|last|end|odd|even|clearfix|fl|fr|left|right)(\\s|$)/i;
  const ALL = /^(全部|所有|不限|全部(年份|年度|单位|信息))$/;
  const PAGER = /^(\\d{1,3}|第?\\s*\\d{1,3}\\s*页|首页|上一?页|下一?页|尾页|末页|更多|more|[<>«»‹›]+)$/i;
  ${PAGE_HELPERS}
  // A unit's name (县教育局, 某镇人民政府, 城关街道, 高新区, 某县): a list of them, none marked, loads each unit's list when clicked.
  const UNIT = /(局|委|办|院|厅|署|政府|镇|乡|街道|委员会|办公室|管委会|中心|区|县|市|旗|所|站|队|馆|公司|学校)$/;
  const tabLike = (el) => {
    const t = text(el);
    if (!t || t.length > (UNIT.test(t) ? 20 : 12) || PAGER.test(t) || (/\\d/.test(t) && /[条页\/]/.test(t))) return false;
    // A tab is a label: no block of content inside (a box's heading beside its list is no tab).
    if (el.querySelector('div, ul, ol, li, table, p, form, select, input')) return false;
    if (el.matches('a[href]') && followable(el)) return false;
    return ![...el.querySelectorAll('a[href]')].some(followable) && el.getClientRects().length > 0;
  };
  const marked = (el) => CURRENT.test(el.getAttribute('class') || '') || el.getAttribute('aria-selected') === 'true';
  // A tab's shape: its tag and the names of its attributes that say what it chooses (data-*, onclick), none of its look.
  const shapeOf = (el) => el.tagName + '|' + [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('data-') && n !== 'data-nianbao-choice' || n === 'onclick').sort().join(',');
  const hiddenKin = (targets, bar) => {
    const shape = shapeOf(targets[0]);
    if (!targets.every((t) => shapeOf(t) === shape) || !shape.includes('|d') && !shape.includes('onclick')) return [];
    // Near the bar: under its parent's parent (the bar's box holding its drop-down).
    const box = bar && bar.parentElement && bar.parentElement.parentElement;
    if (!box) return [];
    const kin = [...box.querySelectorAll(targets[0].tagName)].filter((el) => !targets.includes(el) && !taken.has(el) && shapeOf(el) === shape && el.getClientRects().length === 0 && !el.querySelector('div, ul, ol, li, table, p, form, select, input'));
    return kin.length <= 12 && kin.every((el) => { const t = text(el); return t && t.length <= 12 && !PAGER.test(t); }) ? kin : [];
  };
  const isCurrent = (el) => marked(el) || (el.children.length === 1 && marked(el.children[0]));
  // No tab marked by a known word: the one of three or more styled apart (its class or inline style), the others
  // alike, is the current one (class="tab_x", style="background:#c00"); a first or last item's class is no mark.
  const look = (el) => [el, el.children.length === 1 ? el.children[0] : null].map((e) => e ? (e.getAttribute('class') || '') + '|' + (e.getAttribute('style') || '') : '').join('/');
  const oddOne = (tabs) => {
    const odd = setApart(tabs, look);
    return odd && !POSITIONAL.test(odd.getAttribute('class') || '') ? [odd] : [];
  };
  const out = [];
  let group = 0;
  // Parents looked at, per tag of the children taken as tabs (a <dl>'s <dt> heading is no reason to skip its <dd>s).
  const seen = new Map();
  const wasSeen = (p, tag) => seen.has(p) && seen.get(p).has(tag);
  const markSeen = (p, tag) => seen.set(p, (seen.get(p) || new Set()).add(tag));
  const unitsIn = (tabs) => tabs.length >= 3 && tabs.filter((t) => UNIT.test(text(t))).length * 3 >= tabs.length * 2;
  // A tree of units drawn as groups of one shape (<dl><dt>县直部门</dt><dd>…</dd></dl><dl><dt>乡（镇）</dt>…, round 75b):
  // its units are one list across the groups, a group of one or two units among them.
  const cousins = (el, parent) => {
    const grand = parent.parentElement;
    if (!grand) return [];
    const like = [...grand.children].filter((c) => c.tagName === parent.tagName && (c.getAttribute('class') || '') === (parent.getAttribute('class') || ''));
    return like.length < 2 ? [] : like.map((c) => [c, [...c.children].filter((x) => x.tagName === el.tagName)]);
  };
  // The elements made tabs: what is inside one (the link in a unit's <dd>) is not another bar.
  const taken = new Set();
  const insideTab = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (taken.has(p)) return true; return false; };
  for (const el of document.querySelectorAll('li, a, span, button, div, dd, dt, td')) {
    const parent = el.parentElement;
    if (!parent || wasSeen(parent, el.tagName) || insideTab(el)) continue;
    markSeen(parent, el.tagName);
    // A bar's own caption among its cells ("按发布年份：" before 全部 2025年 …) is no tab.
    let tabs = [...parent.children].filter((c) => c.tagName === el.tagName && !/[:：]\s*$/.test(text(c)));
    const groups = cousins(el, parent);
    const across = groups.flatMap(([, kids]) => kids);
    if (across.length > tabs.length && across.length <= 40 && unitsIn(across) && across.every(tabLike)) {
      tabs = across;
      for (const [p] of groups) markSeen(p, el.tagName);
    }
    // Three or more units' names, two in three at least: a list of units, whether one is marked current or none.
    let units = unitsIn(tabs);
    if (tabs.length < 2 || tabs.length > (units ? 40 : 12) || !tabs.every(tabLike)) continue;
    // A list of units captioned by kind among its entries (<li class="grp">区级部门</li> above <li><a href="javascript:
    // void(0)">区发展改革委</a></li>, round 85b): where entries hold a control (a link, a button, an onclick), the ones
    // holding none and marked current by nothing are captions, clicked for nothing.
    const captions = units && tabs.some(holdsControl) ? tabs.filter((t) => !holdsControl(t) && !isCurrent(t)) : [];
    if (captions.length && unitsIn(tabs.filter((t) => !captions.includes(t)))) {
      tabs = tabs.filter((t) => !captions.includes(t));
      units = true;
    }
    const marks = tabs.filter(isCurrent);
    // The click goes to the innermost element holding the tab's whole text (the link in <li><a>部门</a></li>), where
    // a handler bound to the links hears it; the tab's middle may be bare space.
    const targets = tabs.map((t) => { let target = t; while (target.children.length === 1 && text(target.children[0]) === text(t)) target = target.children[0]; return target; });
    // The bar's further tabs in a drop-down closed on load (gkmlpt's 更多年度 ▾ over 2021年度, 2020年度: round 88b):
    // hidden elements near the bar of the tabs' own shape (tag and attributes: a \`data-id\` link), each a choice.
    const kin = hiddenKin(targets, tabs[0].parentElement);
    // With the current one in the drop-down (2021年度 chosen from it), no tab of the bar is marked: each is a choice.
    const current = marks.length ? marks : kin.length ? [] : oddOne(tabs);
    if (current.length !== 1 && !units && !kin.length) continue;
    // A filter showing everything already (全部 chosen, then 2025(1) 2024(4) …: round 75b's year facet): its other
    // tabs show parts of the list read, made only when that list's pager stops short of its count (choicesToMake).
    const ofAll = current.length === 1 && ALL.test(text(current[0]));
    group++;
    for (const t of tabs) taken.add(t);
    tabs.forEach((t, i) => {
      if (current.length === 1 && t === current[0]) return;
      const mark = group + '-' + i;
      targets[i].setAttribute('data-nianbao-choice', mark);
      out.push(ofAll ? { kind: 'tab', group, mark, text: text(t), ofAll: true } : { kind: 'tab', group, mark, text: text(t) });
    });
    kin.forEach((el, j) => {
      const mark = group + '-' + (tabs.length + j);
      el.setAttribute('data-nianbao-choice', mark);
      taken.add(el);
      out.push({ kind: 'tab', group, mark, text: text(el), hidden: true });
    });
  }
  // A menu of the page's own routes naming the reports' columns (<a href="#3073">部门年报</a>, <a href="#3074">镇（街）年报</a>:
  // 广东 gkmlpt's category tree drawn from its _CONFIG, each category's list asked when the hash changes, none marked
  // current, round 111d): each a choice, in one group.
  const routes = [...document.querySelectorAll('a[href^="#"]')].filter((a) => {
    const t = text(a);
    return /^#[\\w\\/-]+$/.test(a.getAttribute('href')) && !taken.has(a) && !insideTab(a) && t && t.length <= 16 && /年报|年度报告/.test(t) && a.getClientRects().length > 0;
  });
  if (routes.length) {
    group++;
    routes.forEach((a, i) => {
      const mark = group + '-r' + i;
      a.setAttribute('data-nianbao-choice', mark);
      out.push({ kind: 'tab', group, mark, text: text(a) });
    });
  }
  for (const sel of document.querySelectorAll('select')) {
    const options = [...sel.options].filter((o) => o.value.trim() !== '');
    if (options.length < 2 || options.length > 40 || sel.multiple || sel.getClientRects().length === 0) continue;
    if (/location|window\\.open|jumpMenu/i.test(sel.getAttribute('onchange') || '')) continue;
    if (options.some((o) => /[\\/]|\\.s?html?|^https?:/i.test(o.value))) continue;
    if (options.every((o) => /^\\s*第?\\s*\\d{1,3}\\s*页?\\s*$/.test(text(o)))) continue;
    // A page size ("10 条/页", "每页20条", "50 / page": layui's, Element's, Ant's pager) lists the same items again.
    if (options.every((o) => /^\\s*(每页\\s*)?\\d{1,4}\\s*(条|项|行)?\\s*(\\/\\s*(页|page)|每页)?\\s*$/i.test(text(o)) && !/^\\s*\\d+\\s*$/.test(text(o)))) continue;
    group++;
    const mark = String(group);
    sel.setAttribute('data-nianbao-select', mark);
    for (const o of options) if (!o.selected) out.push({ kind: 'option', group, mark, value: o.value, text: text(o), initial: sel.value });
  }
  // A slider choosing the list's year (<input type="range" min="2019" max="2024">, no other control: round 65b): each
  // of its values is a choice, when it has few (a volume or font-size slider of a hundred steps is none).
  for (const r of document.querySelectorAll('input[type="range" i]')) {
    const min = Number(r.min || 0), max = Number(r.max || 100), step = Number(r.step || 1);
    if (![min, max, step].every(Number.isFinite) || step <= 0 || max <= min || r.disabled || r.getClientRects().length === 0) continue;
    if ((max - min) / step + 1 > 40) continue;
    group++;
    const mark = String(group);
    r.setAttribute('data-nianbao-range', mark);
    for (let v = min; v <= max; v += step) if (String(v) !== r.value) out.push({ kind: 'range', group, mark, value: String(v), text: String(v) });
  }
  return out;
})()`;

/** What the page's other choices gave: the learned endpoint's requests for them, or the links they drew. */
export interface ChosenLists {
  requests: ChoiceRequest[];
  drawn: DrawnLink[][];
  /** Choices not made, past the limit in groups whose choices made asked for something, or failing when made: lists left unread. */
  unmade: number;
  /** Choices of groups never tried, past the limit, and a tree's folders never opened: lists they may load left unread. */
  untried: number;
  /** With an endpoint learned, choices that asked another and drew reports: read in the browser only. */
  drawnOnly: number;
  /** Links drawn by a 全部 bar's other tabs (a capped list's parts): items of the list its count announces. */
  partsRead: number;
  /** Frames of the page whose trees' leaves were clicked (their addresses): their units' lists read from the page. */
  framesChosen: string[];
}

/** Choices a page's reading left, as the seed's result says and the learned endpoint keeps for later runs. */
export type LeftChoices = Pick<ChosenLists, 'unmade' | 'untried' | 'drawnOnly'>;

/**
 * Makes each other choice of the page once. `learned`: the endpoint learned from the page (its first answer's items
 * are the ones already seen); `known`: the addresses the page's reading holds already (for drawn choices).
 */
export async function listChoices(page: Page, pageUrl: string, learned: Learned | null, known: Iterable<string>, capped = false): Promise<ChosenLists> {
  const marked = await page.evaluate<Choice[]>(MARK_CHOICES).catch(() => [] as Choice[]);
  // A tree's folders whose units load when opened are opened first: their units are leaves then (tree-nodes.ts).
  const folders = await openFolders(page);
  // Folders left closed past the limits hold units never offered: counted as choices never tried.
  const out: ChosenLists = { requests: [], drawn: [], unmade: 0, untried: folders.left, drawnOnly: 0, partsRead: 0, framesChosen: [] };
  const pageNodes = await page.evaluate<Choice[]>(markTreeNodes(Math.max(0, ...marked.map((c) => c.group)))).catch(() => [] as Choice[]);
  // Trees drawn in the page's own frames (a dTree of units in an iframe calling the page's loader): their leaves are
  // the page's choices too, clicked where they are drawn.
  const frames = ownFrames(page);
  const nodes = [...pageNodes];
  for (const [i, frame] of frames.entries()) {
    const inFrame = await frame.evaluate<Choice[]>(markTreeNodes(Math.max(0, ...marked.map((c) => c.group), ...nodes.map((c) => c.group)))).catch(() => [] as Choice[]);
    nodes.push(...inFrame.map((c) => ({ ...c, frame: i })));
  }
  const drawn = await drawnSelectChoices(page, Math.max(0, ...marked.map((c) => c.group), ...nodes.map((c) => c.group))).catch(() => [] as Choice[]);
  // A tree's leaves read as tabs too (a list of units in a tree) carry the tree's marks now: the tree's choices make
  // them (a leaf under a closed folder is clicked as the tree's handler hears it), its tabs are gone.
  const kept = pageNodes.length ? new Set(await page.evaluate<string[]>(`[...document.querySelectorAll('[data-nianbao-choice]')].map((el) => el.getAttribute('data-nianbao-choice'))`).catch(() => [] as string[])) : null;
  const tabs = kept ? marked.filter((c) => c.kind !== 'tab' || kept.has(c.mark)) : marked;
  const choices = choicesToMake([...tabs, ...nodes, ...drawn], capped);
  const seenItems = new Set(learned?.items.map((i) => i.url) ?? []);
  const seenLinks = new Set(known);
  const silentGroups = new Set<number>();
  const askingGroups = new Set<number>();
  const tried = new Set<number>();
  const madeOnEndpoint: { group: number; request: ChoiceRequest; before: ChoiceRequest }[] = [];
  // The endpoint's request as the page last asked it: a choice sets what differs from it (the year select left on
  // 2021 by the choices before is no field a unit's tab sets, round 77b).
  let lastAsked: ChoiceRequest | null = learned ? { url: learned.endpoint.request.url, body: learned.endpoint.request.body } : null;
  let count = 0;
  // The select whose options were being made: set back to what it showed on load before another group's choices, so
  // that a unit's tab is read under 全部, not under the last year chosen (round 85b: a unit tree beside a year select,
  // each unit's list read for 2020 only, and the seed ended ok).
  let lastOption: Choice | null = null;
  const setBack = async () => {
    const o = lastOption;
    lastOption = null;
    if (!o || o.initial === undefined || o.initial === o.value) return;
    const reset = await actAndWait(page, () => page.locator(`[data-nianbao-select="${o.mark}"]`).first().selectOption(o.initial!, { timeout: 5_000 })).catch(() => null);
    const asked = learned && reset?.exchanges.find((x) => endpointKey(x) === endpointKey(learned.endpoint.request));
    if (asked) lastAsked = { url: asked.url, body: asked.body };
  };
  for (const choice of choices) {
    if (silentGroups.has(choice.group)) continue;
    if (lastOption && lastOption.group !== choice.group) await setBack();
    if (count >= MAX_CHOICES || (!tried.has(choice.group) && tried.size >= MAX_GROUPS)) {
      if (askingGroups.has(choice.group)) out.unmade += 1;
      else if (!tried.has(choice.group)) out.untried += 1;
      continue;
    }
    tried.add(choice.group);
    count += 1;
    const act =
      choice.kind === 'node'
        ? () => clickNode(choice.frame === undefined ? page : (frames[choice.frame] as Frame), choice.mark)
        : choice.kind === 'drawn'
          ? () => chooseDrawn(page, choice)
          : choice.kind === 'tab' && choice.hidden
            ? () => clickNode(page, choice.mark)
            : choice.kind === 'tab'
            ? () => page.locator(`[data-nianbao-choice="${choice.mark}"]`).first().click({ timeout: 5_000 })
            : choice.kind === 'range'
              ? () => slideTo(page, choice)
              : () => page.locator(`[data-nianbao-select="${choice.mark}"]`).first().selectOption(choice.value!, { timeout: 5_000 });
    // A script app drawing its whole layout anew at each state change (a Vue app's menus re-rendered after an answer:
    // round 32b's arco, flaky on a busy machine) drops the marks the tabs were found by: they are marked again when
    // this one's is gone. A choice that failed is made once more (a click may miss its 5 s while the browser draws
    // other pages).
    const remark = async () => {
      if (choice.kind === 'tab' && (await page.locator(`[data-nianbao-choice="${choice.mark}"]`).count().catch(() => 0)) === 0) await page.evaluate(MARK_CHOICES).catch(() => undefined);
    };
    const attempt = async () => (await remark(), await actAndWait(page, act).catch(() => null));
    const made = (await attempt()) ?? (await attempt());
    if (choice.kind === 'option') lastOption = choice;
    // A choice that could not be made (its element gone, an option no longer offered): its list is unread, which the
    // seed's result says; the group's other choices are still made.
    if (!made) {
      out.unmade += 1;
      continue;
    }
    // The choice left the page (a menu of links after all): the other choices are no longer there.
    if (made.navigated) break;
    // A choice asking nothing shows what the page held already (panes rendered by the server): so will its siblings.
    if (!made.exchanges.length) {
      silentGroups.add(choice.group);
      continue;
    }
    askingGroups.add(choice.group);
    const frameUrl = choice.frame === undefined ? undefined : frames[choice.frame]?.url();
    if (frameUrl && !out.framesChosen.includes(frameUrl)) out.framesChosen.push(frameUrl);
    if (learned) {
      const next = nextAnswer(learned, made.exchanges, seenItems);
      // Asked the endpoint, for new items or not: the fields the choice sets, crossed with other groups' below.
      const asked = next?.answer ?? made.exchanges.find((x) => endpointKey(x) === endpointKey(learned.endpoint.request));
      if (asked) {
        const request = { url: asked.url, body: asked.body };
        madeOnEndpoint.push({ group: choice.group, request, before: lastAsked ?? request });
        lastAsked = request;
      }
      if (next) {
        if (!next.items.some((i) => classifyTitle(i.title).isReport)) continue;
        for (const i of next.items) seenItems.add(i.url);
        out.requests.push({ url: next.answer.url, body: next.answer.body });
        continue;
      }
      // Asked the endpoint, but for nothing new: this choice shows the list already read.
      if (asked) continue;
    }
    // No endpoint, or the choice asked another one (a tab of another channel's API): what it drew is read.
    const pages = await drawnPages(page, pageUrl, seenLinks, made.exchanges);
    for (const l of pages.flat()) seenLinks.add(l.url);
    out.drawn.push(...pages);
    if (choice.ofAll) out.partsRead += pages.flat().length;
    // A replay of the endpoint over HTTP would not read this choice's list: later runs render the page again.
    if (learned && pages.flat().some((l) => classifyTitle(l.text).isReport)) out.drawnOnly += 1;
  }
  // The lists two choices show together (the second tab's, an earlier year chosen), never on screen: asked as choices.
  if (learned) {
    const crossed = crossedChoices(learned.endpoint.request, learned.endpoint.page, madeOnEndpoint);
    out.requests.push(...crossed.requests);
    out.unmade += crossed.left;
  }
  return out;
}

/** A slider moved to a value as a person's drag leaves it: the value set, then its input and change events. */
async function slideTo(page: Page, choice: Choice): Promise<void> {
  await page
    .locator(`[data-nianbao-range="${choice.mark}"]`)
    .first()
    .evaluate((el, value) => {
      const input = el as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, choice.value!, { timeout: 5_000 });
}

/**
 * The learned endpoint with the lists its page's other choices asked, when some did (each once, not its own), and
 * the choices `left` unmade, so that a later run reading the endpoint over HTTP says so as the rendering run did.
 */
export function withChoices(learned: Learned, requests: ChoiceRequest[], left: LeftChoices = { unmade: 0, untried: 0, drawnOnly: 0 }): Learned {
  const { unmade, untried, drawnOnly } = left;
  const kept = unmade || untried || drawnOnly ? { ...learned, endpoint: { ...learned.endpoint, leftChoices: { unmade, untried, drawnOnly } } } : learned;
  return withChoiceRequests(kept, requests);
}

function withChoiceRequests(learned: Learned, requests: ChoiceRequest[]): Learned {
  const { request } = learned.endpoint;
  const keys = new Set([firstPageKey(request, learned.endpoint.page)]);
  const choices: ChoiceRequest[] = [];
  for (const c of requests) {
    const key = firstPageKey({ ...request, url: c.url, body: c.body }, learned.endpoint.page);
    if (keys.has(key)) continue;
    keys.add(key);
    choices.push(c);
  }
  return choices.length ? { ...learned, endpoint: { ...learned.endpoint, choices } } : learned;
}
