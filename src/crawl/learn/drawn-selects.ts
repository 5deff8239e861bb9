/**
 * Selects a UI library draws in place of a native `<select>` (Ant Design's `ant-select`, Element's `el-select`,
 * iView's, Naive's, Arco's, layui's form select, any `role="combobox"`): the chosen value is shown in a box, and the
 * options exist only once the box is opened (antd appends its dropdown to `<body>` on a mousedown, Element on a
 * click), each an element of its own (`role="option"`, `ant-select-item-option`, `el-select-dropdown__item`,
 * `ivu-select-item`, layui's `dd[lay-value]`). Such a select filtering a list (the year, a department) is a choice of
 * the page as a native one is (list-choices.ts): each box is opened once to read its options, closed again, and each
 * option not chosen is made by opening the box and clicking it. A pager's page-size box ("10 条/页") is no choice.
 */
import type { Page } from 'playwright';
import type { Choice } from './list-choices.ts';
import { PAGE_HELPERS } from './page-helpers.ts';

/** Boxes opened at most on a page (each costs two clicks and a wait). */
const MAX_BOXES = 4;
/**
 * How long a box may take to draw its options once opened: when looking for boxes (a box drawing none costs the
 * whole wait, on every rendered page holding one), and when making a choice of a box known to draw them (costing
 * nothing once they show: a React view drawn again on a loaded machine took more than 1.5 s, and the choice failed).
 */
const OPEN_WAIT_MS = { seek: 1_500, choose: 6_000 } as const;

/**
 * Run in the page, as source text: marks the drawn select boxes (`data-nianbao-box`, numbered in page order) and
 * returns how many there are. A box: the outermost visible element whose class names a select of a UI library
 * (`ant-select`, `el-select`, `ivu-select`, `n-base-selection`, `layui-form-select`…: a class token ending in `-select`
 * or `-selection`), else a visible `role="combobox"` / `aria-haspopup="listbox"` element that is no native select
 * nor a text box one types in; not inside a pager (its page-size box), holding no link that leads somewhere.
 */
const MARK_BOXES = `(() => {
  ${PAGE_HELPERS}
  const BOX = /(^|\\s)[a-z]+(-[a-z]+)*-(select|selection)(\\s|$)/i;
  const PAGER = /pagination|pager|laypage|page-?size|sizes/i;
  const isBox = (el) => el.tagName !== 'SELECT' && (BOX.test(el.getAttribute('class') || '') || (
    (el.getAttribute('role') === 'combobox' || el.getAttribute('aria-haspopup') === 'listbox') &&
    !(el.tagName === 'INPUT' && !el.readOnly && !el.closest('[class*="select" i]'))));
  const inPager = (el) => { for (let p = el; p; p = p.parentElement) if (PAGER.test(p.getAttribute('class') || '')) return true; return false; };
  const boxes = [];
  for (const el of document.querySelectorAll('[class*="select" i], [role="combobox"], [aria-haspopup="listbox"]')) {
    if (!isBox(el) || inPager(el) || el.getClientRects().length === 0) continue;
    let top = el;
    for (let p = el.parentElement; p; p = p.parentElement) if (isBox(p)) top = p;
    // A box leading somewhere (a link styled as a select) would leave the page when clicked.
    if ((top.matches('a[href]') && followable(top)) || [...top.querySelectorAll('a[href]')].some(followable)) continue;
    if (!boxes.includes(top)) boxes.push(top);
  }
  document.querySelectorAll('[data-nianbao-box]').forEach((el) => el.removeAttribute('data-nianbao-box'));
  boxes.forEach((b, i) => b.setAttribute('data-nianbao-box', String(i)));
  return boxes.length;
})()`;

/**
 * Run in the page, as source text: the options a box shows once opened (visible, with a size, at most twenty
 * characters; a box's shown value, in its selection or selector, is none), each with whether it is the one chosen; `mark` set: the option reading that text is marked
 * `data-nianbao-option` for a click.
 */
const readOptions = (mark: string | null): string => `(() => {
  ${PAGE_HELPERS}
  const OPTION = /(^|\\s)([\\w-]*(select|dropdown)[\\w-]*(item|option)|[\\w-]*-option)(\\s|$)/i;
  const CHOSEN = /(^|\\s)([\\w-]*-)?(selected|checked)(\\s|$)|(^|\\s)layui-this(\\s|$)/i;
  const want = ${JSON.stringify(mark)};
  // A dropdown closed by a class its stylesheet hides (antd's \`ant-select-dropdown-hidden\`) keeps its size where no
  // stylesheet is loaded (the browser lane loads none): the class, or aria-hidden, says it is closed.
  const HIDDEN = /(^|\\s)([\\w-]*-hidden|hidden|hide|is-hidden)(\\s|$)/i;
  const closedByClass = (el) => { for (let p = el; p; p = p.parentElement) if (HIDDEN.test(p.getAttribute('class') || '') || p.getAttribute('aria-hidden') === 'true') return true; return false; };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !closedByClass(el); };
  const all = [...document.querySelectorAll('[role="option"], [class*="option" i], [class*="item" i], dd[lay-value]')]
    .filter((el) => el.tagName !== 'OPTION' && (el.getAttribute('role') === 'option' || OPTION.test(el.getAttribute('class') || '') || el.matches('dd[lay-value]')));
  // The value a box shows (antd's \`ant-select-selector > .ant-select-selection-item\`) is no option of its dropdown.
  const options = all.filter((el) => !all.some((o) => o !== el && el.contains(o)) && !el.closest('[class*="selection" i], [class*="selector" i]') && shown(el));
  document.querySelectorAll('[data-nianbao-option]').forEach((el) => el.removeAttribute('data-nianbao-option'));
  const out = [];
  for (const o of options) {
    const t = text(o);
    if (!t || t.length > 20) continue;
    if (want !== null && t === want) o.setAttribute('data-nianbao-option', '1');
    out.push({ text: t, chosen: o.getAttribute('aria-selected') === 'true' || CHOSEN.test(o.getAttribute('class') || '') });
  }
  return out;
})()`;

interface ShownOption {
  text: string;
  chosen: boolean;
}

/** Options that are page sizes ("10 条/页", "20 / page") list the same items again. */
const PAGE_SIZE = /^\s*(每页\s*)?\d{1,4}\s*(条|项|行)?\s*(\/\s*(页|page)|每页)\s*$/i;

/** Opens box `index` and waits for its options; none shown within the wait: none. */
async function openBox(page: Page, index: number, mark: string | null, waitMs: number): Promise<ShownOption[]> {
  const count = await page.evaluate<number>(MARK_BOXES).catch(() => 0);
  if (index >= count) return [];
  await page.locator(`[data-nianbao-box="${index}"]`).first().click({ timeout: 5_000 });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const options = await page.evaluate<ShownOption[]>(readOptions(mark)).catch(() => [] as ShownOption[]);
    if (options.length || Date.now() > deadline) return options;
    await page.waitForTimeout(100);
  }
}

/**
 * Closes an opened box: Escape, else a second click on it, marked anew (an application drawing its whole view again
 * on each change, as React does, has replaced the box that was clicked open).
 */
async function closeBox(page: Page, index: number): Promise<void> {
  await page.keyboard.press('Escape').catch(() => undefined);
  const still = await page.evaluate<ShownOption[]>(readOptions(null)).catch(() => [] as ShownOption[]);
  if (!still.length) return;
  await page.evaluate<number>(MARK_BOXES).catch(() => 0);
  await page.locator(`[data-nianbao-box="${index}"]`).first().click({ timeout: 5_000 }).catch(() => undefined);
}

/**
 * The drawn selects' options as choices (`kind: 'drawn'`, one group per box, numbered after `firstGroup`; `mark` the
 * box's index), the chosen one of each left out. Each box is opened and closed once.
 */
export async function drawnSelectChoices(page: Page, firstGroup: number): Promise<Choice[]> {
  const count = await page.evaluate<number>(MARK_BOXES).catch(() => 0);
  const out: Choice[] = [];
  let group = firstGroup;
  for (let i = 0; i < Math.min(count, MAX_BOXES); i++) {
    const options = await openBox(page, i, null, OPEN_WAIT_MS.seek).catch(() => [] as ShownOption[]);
    await closeBox(page, i);
    if (options.length < 2 || options.length > 40 || options.every((o) => PAGE_SIZE.test(o.text))) continue;
    group++;
    for (const o of options) if (!o.chosen) out.push({ kind: 'drawn', group, mark: String(i), text: o.text });
  }
  return out;
}

/** Makes a drawn choice: opens its box (drawn again since, maybe) and clicks the option reading its text. */
export async function chooseDrawn(page: Page, choice: Choice): Promise<void> {
  const options = await openBox(page, Number(choice.mark), choice.text, OPEN_WAIT_MS.choose);
  if (!options.some((o) => o.text === choice.text)) throw new Error(`the option "${choice.text}" is no longer offered`);
  await page.locator('[data-nianbao-option]').first().click({ timeout: 5_000 });
}
