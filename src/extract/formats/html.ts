/**
 * HTML report pages: decode the bytes ourselves (cheerio's own sniffer garbles GBK pages without a charset:
 * extraction.md §2.5), walk the body in document order, and expand rowspan/colspan into grids.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { decodeHtml as decodePage } from '../../encoding/decode-html.ts';
import { boxTables } from '../layout/boxtable.ts';
import { gridColumnCount, gridItemStyle, placeGridItems } from '../layout/css-grid.ts';
import { expandSpans } from '../layout/grid.ts';
import { linesFromGrid, linesToText, paragraphLine } from '../layout/lines.ts';
import { footnoteMark, normalize } from '../text.ts';
import { sheetDeclarations } from './html-stylesheet.ts';
import { contentPictures } from '../../html/content-pictures.ts';
import type { Extracted, GridCell, Line } from '../types.ts';

/** Decodes an HTML document; `charset` is the label the server declared, if any (see encoding/decode-html.ts). */
export function decodeHtml(bytes: Uint8Array, charset?: string): { text: string; encoding: string } {
  const { text, encoding } = decodePage(bytes, charset ? `text/html; charset=${charset}` : null);
  return { text, encoding };
}

const SKIP = new Set(['script', 'style', 'noscript', 'head', 'template', 'iframe', 'svg', 'select', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'blockquote', 'pre', 'center', 'tr', 'td', 'th', 'form', 'font',
]);

/**
 * A form control shows its value, not any text of its own: a page saved from a reporting system's form holds each
 * figure as a read-only `<input type="text" value="12">` with no text in the cell (blind round 5, b45). Text boxes
 * give their value; hidden inputs, check boxes and buttons show no figure.
 */
const TEXT_INPUTS = new Set(['', 'text', 'number', 'tel']);
function inputValue(el: Element): string {
  return TEXT_INPUTS.has((el.attribs.type ?? '').trim().toLowerCase()) ? ` ${el.attribs.value ?? ''} ` : '';
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Inline styles that hide an element. A cell's hidden text is nothing the reader sees: an old figure an editor kept
 * beside the new one (Word's "hidden" font saved as `mso-hide:all` or `display:none`, blind round 6's b54 in HTML),
 * read with it as one number ("1032" + 987 → 1032987), silently in 表二. Removed from the layout (display, mso-hide),
 * or only invisible, its place kept (visibility).
 */
const REMOVED_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\s*(?:;|!|$)/i;
const INVISIBLE_STYLE = /(?:^|;)\s*visibility\s*:\s*hidden\s*(?:;|!|$)/i;
/**
 * Hidden so as to take no place in the layout (display:none inline or from the page's stylesheet, the `hidden`
 * attribute, mso-hide): a cell so hidden is no cell of the row as shown.
 */
const isRemoved = (el: Element) => REMOVED_STYLE.test(el.attribs.style ?? '') || el.attribs.hidden !== undefined || cssDisplay(el) === 'none';
/**
 * Hidden inline, by the `hidden` attribute, or by the page's own stylesheet: an editor's class for old figures
 * (`.jz{display:none}`, blind round 9's b73: "<span class=jz>655</span>702" read 655702, silently in 表二). An inline
 * display other than none overrides the sheet, as in the browser. A cell merely invisible (visibility:hidden) keeps
 * its place in its row, empty (tableGrid).
 */
const isHidden = (el: Element) =>
  isRemoved(el) || INVISIBLE_STYLE.test(el.attribs.style ?? '') || /^hidden\b/i.test(cssProp(el, 'visibility') ?? '');

/**
 * Text laid out but not seen: type of size 0, or white type on a white ground (the page's, when no element around it
 * sets a background). Editors "delete" last year's figure so, in the cell before this year's (blind round 10, b82:
 * <span style="color:#ffffff">1204</span>1187 read 12041187, silently in 表二). Both properties are inherited, so
 * the nearest element setting one decides; a child setting a size of its own (the inline-block gap hack,
 * font-size:0 on a row, 14px on its cells) is seen. Only a size or colour set within the cell counts: a page's
 * own colours (a dark theme whose background comes from a linked sheet, never read) would blank every cell.
 */
function unseenText(node: AnyNode, cell: Element): boolean {
  const nearest = (prop: string) => {
    for (let a = node.parent; a && a.type === 'tag'; a = a.parent) {
      const v = cssProp(a as Element, prop);
      if (v !== undefined) return v.replace(/!important/i, '').trim().toLowerCase();
      if (a === cell) break;
    }
    return undefined;
  };
  if (/^0(?:\.0*)?(?:px|pt|em|rem|%)?$/.test(nearest('font-size') ?? '')) return true;
  if (!WHITE.test(nearest('color') ?? '')) return false;
  for (let a = node.parent; a && a.type === 'tag'; a = a.parent) {
    const el = a as Element;
    const bg = cssProp(el, 'background-color') ?? cssProp(el, 'background') ?? el.attribs.bgcolor;
    if (bg === undefined || /^(?:transparent|none|inherit|initial)?$/i.test(bg.trim())) continue;
    // A ground other than white, or a picture, may show white type.
    return WHITE.test(bg.replace(/!important/i, '').trim().toLowerCase());
  }
  return true;
}
const WHITE = /^(?:#fff(?:fff)?|white|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(?:,\s*1(?:\.0*)?\s*)?\))$/;


/** A cell's text as shown: hidden text left out, line breaks and paragraph ends as spaces, form inputs as their values. */
function cellText($: cheerio.CheerioAPI, td: Element): string {
  const cell = $(td);
  cell.find('*').filter((_, el) => isHidden(el as Element)).remove();
  cell.find('*').addBack().contents().filter((_, n) => n.type === 'text' && unseenText(n, td)).remove();
  cell.find('br').replaceWith(' ');
  cell.find('p,div').each((_, p) => {
    $(p).append(' ');
  });
  cell.find('input').each((_, i) => {
    $(i).replaceWith(esc(inputValue(i)));
  });
  // A footnote number set as <sup> after a figure ("143<sup>1</sup>") is a mark, not a digit of it (text.ts footnoteMark).
  cell.find('sup').each((_, sup) => {
    const t = $(sup).text();
    const mark = footnoteMark(t);
    if (mark !== t) $(sup).replaceWith(mark);
  });
  return cell.text();
}

/** Containers that hold the article on common CMSs (TRS, Hanweb, Word exports); the first with real text wins. */
const BODY_SELECTORS = ['.TRS_Editor', '.trs_editor_view', '#zoom', '.zoom', '#UCAP-CONTENT', '.article-content', '.article_con', '#content', '.content', 'article', '.main'];

/**
 * The element holding the article: the first of the CMSs' containers with more than `minChars` characters of text
 * (500: a page's real article, not a sidebar's box), else the body. The crawl joins an article's pages by it
 * (crawl/joined-article.ts), a later page's piece being shorter.
 */
export function articleRoot($: cheerio.CheerioAPI, minChars = 500): cheerio.Cheerio<AnyNode> {
  for (const sel of BODY_SELECTORS) {
    const el = $(sel).first();
    if (el.length && el.text().replace(/\s/g, '').length > minChars) return el;
  }
  const body = $('body');
  return body.length ? body : $.root();
}

export function readHtml(bytes: Uint8Array, opts: { charset?: string } = {}): Extracted {
  const { text } = decodeHtml(bytes, opts.charset);
  const $ = cheerio.load(text);
  sheet = sheetDeclarations($);
  const root = articleRoot($);
  const lines: Line[] = [];
  // The article's pictures (html/content-pictures.ts, as the crawl fetched them), each placed where it stands.
  const pictureOrder = new Map(contentPictures($).map((p, i) => [p.element, i + 1]));
  const placed: { line: number; order: number }[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer.trim() !== '') lines.push(paragraphLine(buffer, 1, lines.length));
    buffer = '';
  };
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') buffer += (node as unknown as { data: string }).data;
      else if (node.type === 'tag') {
        const el = node as Element;
        const tag = el.name.toLowerCase();
        if (SKIP.has(tag)) continue;
        const order = tag === 'img' ? pictureOrder.get(el) : undefined;
        if (order !== undefined) {
          flush();
          placed.push({ line: lines.length, order });
          continue;
        }
        if (tag === 'input') {
          buffer += inputValue(el);
          continue;
        }
        if (tag === 'pre' && preTables(el)) continue;
        const grid = tag === 'table' && $(el).find('table').length === 0 ? tableGrid($, el) : isCssTable(el) ? cssTableGrid($, el) : cssGrid($, el);
        if (grid) {
          flush();
          for (const l of linesFromGrid(grid, 1, lines.length)) lines.push({ ...l, y: lines.length, items: l.items.map((i) => ({ ...i, y: lines.length })) });
        } else if (BLOCK.has(tag) || tag === 'table') {
          flush();
          walk(el.children);
          flush();
        } else walk(el.children);
      }
    }
  };
  /** A <pre> holding tables drawn with box characters: its tables as grids, its other lines as text. */
  const preTables = (el: Element): boolean => {
    const blocks = boxTables($(el).text());
    if (!blocks.some((b) => 'grid' in b)) return false;
    flush();
    for (const b of blocks) {
      if ('grid' in b) for (const l of linesFromGrid(b.grid, 1, lines.length)) lines.push({ ...l, y: lines.length, items: l.items.map((i) => ({ ...i, y: lines.length })) });
      else for (const t of b.text.split('\n')) if (t.trim() !== '') lines.push(paragraphLine(t, 1, lines.length));
    }
    return true;
  };
  walk(root.toArray().flatMap((n) => ('children' in n ? (n.children as AnyNode[]) : [])));
  flush();
  // A picture the walk did not pass (the article container read is not the pictures'): after the text.
  for (const order of pictureOrder.values()) if (!placed.some((p) => p.order === order)) placed.push({ line: lines.length, order });
  const title = normalize($('head title').first().text()).trim();
  const images = placed.length;
  const pictures = images ? { images, pagePictures: placed.sort((a, b) => a.order - b.order), unreadPictures: images } : {};
  return { text: linesToText(lines), lines, ...pictures, ...(title ? { title } : {}) };
}

/**
 * The page's stylesheet declarations (html-stylesheet.ts) of the document being read: set by readHtml before its
 * walk (reading is synchronous, so one document's map is never seen by another's walk).
 */
let sheet = new WeakMap<Element, Map<string, { value: string }>>();

/** A layout property of an element: its inline style's, else the page's stylesheets'. */
function cssProp(el: Element, prop: string): string | undefined {
  const inline = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([^;]+)`, 'i').exec(el.attribs?.style ?? '')?.[1]?.trim();
  return inline ?? sheet.get(el)?.get(prop)?.value;
}

/** `display:<kind>` of an element, inline or from a stylesheet (themes lay tables out with divs: display:table / table-row / table-cell). */
function cssDisplay(el: Element): string | undefined {
  return /^([a-z-]+)/i.exec(cssProp(el, 'display') ?? '')?.[1]?.toLowerCase();
}

/** A display:table element holding rows of its own (and no <table> or CSS table inside). */
function isCssTable(el: Element): boolean {
  return cssDisplay(el) === 'table' && cssRows(el).length > 0;
}

function cssChildren(el: Element, display: string): Element[] {
  return el.children.filter((n): n is Element => n.type === 'tag' && cssDisplay(n as Element) === display);
}

/** Rows of a CSS table: its display:table-row children, also inside row groups (table-header/row-group). */
function cssRows(table: Element): Element[] {
  const groups = table.children.filter((n): n is Element => n.type === 'tag' && /^table-(header|row|footer)-group$/.test(cssDisplay(n as Element) ?? ''));
  return [table, ...groups].flatMap((g) => cssChildren(g, 'table-row'));
}

/** A CSS table as a grid: CSS has no spans, so every cell is one slot (a merged cell's other slots are empty cells). */
function cssTableGrid($: cheerio.CheerioAPI, table: Element) {
  const rows = cssRows(table).map((tr) =>
    cssChildren(tr, 'table-cell').map((td): GridCell => ({ text: isHidden(td) ? '' : cellText($, td), colSpan: 1, rowSpan: 1 })),
  );
  return expandSpans(rows);
}

/**
 * A `display:grid` container laid out as a table (layout/css-grid.ts): at least two columns and four cells, every
 * child an element placed by the flow, no table or grid inside. Anything else is read as text.
 */
function cssGrid($: cheerio.CheerioAPI, el: Element) {
  const display = cssDisplay(el);
  if (display !== 'grid' && display !== 'inline-grid') return undefined;
  const template = cssProp(el, 'grid-template-columns');
  const columns = template === undefined ? undefined : gridColumnCount(template);
  if (columns === undefined || columns < 2) return undefined;
  const children = el.children.filter((n) => n.type === 'tag' || (n.type === 'text' && (n as unknown as { data: string }).data.trim() !== ''));
  if (children.length < 4 || children.some((n) => n.type !== 'tag')) return undefined;
  const cells = children as Element[];
  if (cells.some((c) => $(c).find('table').length > 0 || /^(inline-)?grid$/.test(cssDisplay(c) ?? '') || $(c).find('*').toArray().some((d) => /^(inline-)?grid$/.test(cssDisplay(d as Element) ?? '')))) return undefined;
  const items = [];
  for (const c of cells) {
    // Placement a stylesheet gives an item (a class spanning two columns) is not read: such a grid stays text.
    const placed = sheet.get(c);
    if (placed && [...placed.keys()].some((k) => k.startsWith('grid-') || k === 'order')) return undefined;
    const st = gridItemStyle(c.attribs.style ?? '');
    if (!st) return undefined;
    items.push({ ...st, text: cellText($, c) });
  }
  return placeGridItems(columns, items);
}

/** The table's own rows (not those of nested tables), cells with their spans, text with line breaks as spaces. */
function tableGrid($: cheerio.CheerioAPI, table: Element) {
  const rows: GridCell[][] = [];
  $(table)
    .find('tr')
    .filter((_, tr) => $(tr).closest('table')[0] === table && !isHidden(tr))
    .each((_, tr) => {
      const cells: GridCell[] = [];
      // A cell hidden whole (td.gk-old{display:none}: last year's figure kept in a cell of its own before this
      // year's, blind round 10, b81) takes no place in the table as shown: read, it shifted the row's figures.
      $(tr)
        .children('td,th')
        .filter((_, td) => !isRemoved(td))
        .each((_, td) => {
          const cell = $(td);
          cells.push({
            text: isHidden(td) ? '' : cellText($, td),
            colSpan: Number(cell.attr('colspan') ?? 1) || 1,
            rowSpan: Number(cell.attr('rowspan') ?? 1) || 1,
          });
        });
      rows.push(cells);
    });
  return expandSpans(rows);
}
