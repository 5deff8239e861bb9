/**
 * HTML report pages: decode the bytes ourselves (cheerio's own sniffer garbles GBK pages without a charset:
 * extraction.md §2.5), walk the body in document order, and expand rowspan/colspan into grids.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { expandSpans } from '../layout/grid.ts';
import { linesFromGrid, linesToText, paragraphLine } from '../layout/lines.ts';
import type { Extracted, GridCell, Line } from '../types.ts';

/** Decoding order: BOM → given charset → <meta> prescan → strict UTF-8 → GB18030 (gb2312/gbk labels map to GB18030). */
export function decodeHtml(bytes: Uint8Array, charset?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const declared = charset ?? metaCharset(bytes);
  const enc = declared ? canonical(declared) : undefined;
  if (enc) {
    try {
      return { text: new TextDecoder(enc).decode(bytes), encoding: enc };
    } catch {
      // unknown label: fall through to detection
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function canonical(label: string): string {
  const l = label.trim().toLowerCase();
  return /^(gb2312|gbk|gb_2312-80|x-gbk|cp936|euc-cn|gb18030)$/.test(l) ? 'gb18030' : l;
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

const SKIP = new Set(['script', 'style', 'noscript', 'head', 'template', 'iframe', 'svg', 'select', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'blockquote', 'pre', 'center', 'tr', 'td', 'th', 'form', 'font',
]);

/** Containers that hold the article on common CMSs (TRS, Hanweb, Word exports); the first with real text wins. */
const BODY_SELECTORS = ['.TRS_Editor', '.trs_editor_view', '#zoom', '.zoom', '#UCAP-CONTENT', '.article-content', '.article_con', '#content', '.content', 'article', '.main'];

export function readHtml(bytes: Uint8Array, opts: { charset?: string } = {}): Extracted {
  const { text } = decodeHtml(bytes, opts.charset);
  const $ = cheerio.load(text);
  let root: cheerio.Cheerio<AnyNode> = $('body');
  for (const sel of BODY_SELECTORS) {
    const el = $(sel).first();
    if (el.length && el.text().replace(/\s/g, '').length > 500) {
      root = el;
      break;
    }
  }
  if (root.length === 0) root = $.root();
  const lines: Line[] = [];
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
        if (tag === 'table' && $(el).find('table').length === 0) {
          flush();
          for (const l of linesFromGrid(tableGrid($, el), 1, lines.length)) lines.push({ ...l, y: lines.length, items: l.items.map((i) => ({ ...i, y: lines.length })) });
        } else if (BLOCK.has(tag) || tag === 'table') {
          flush();
          walk(el.children);
          flush();
        } else walk(el.children);
      }
    }
  };
  walk(root.toArray().flatMap((n) => ('children' in n ? (n.children as AnyNode[]) : [])));
  flush();
  return { text: linesToText(lines), lines };
}

/** The table's own rows (not those of nested tables), cells with their spans, text with line breaks as spaces. */
function tableGrid($: cheerio.CheerioAPI, table: Element) {
  const rows: GridCell[][] = [];
  $(table)
    .find('tr')
    .filter((_, tr) => $(tr).closest('table')[0] === table)
    .each((_, tr) => {
      const cells: GridCell[] = [];
      $(tr)
        .children('td,th')
        .each((_, td) => {
          const cell = $(td);
          cell.find('br').replaceWith(' ');
          cell.find('p,div').each((_, p) => {
            $(p).append(' ');
          });
          cells.push({
            text: cell.text(),
            colSpan: Number(cell.attr('colspan') ?? 1) || 1,
            rowSpan: Number(cell.attr('rowspan') ?? 1) || 1,
          });
        });
      rows.push(cells);
    });
  return expandSpans(rows);
}
