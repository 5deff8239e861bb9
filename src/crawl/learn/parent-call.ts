/**
 * Answers that hand their data to the parent page: the "iframe transport" of older government systems. The column
 * posts a form into a hidden `<iframe>` (`<form target="listFrame" method="post">`, or points the frame's `src` at the
 * list address), and the answer is a page of script calling the parent window's function with the data:
 * `<script>parent.showList({"total":11,"rows":[{title, url, date}, …]})</script>` (also `window.parent.…`, `top.…`).
 * Nothing in that page is a link: the parent's script draws the list. Read as the call's argument (several
 * arguments: the array of them), the list is found by shape (list-shape.ts) and its total read (answer-total.ts) as
 * for a JSON answer.
 */
import type { Json } from './list-shape.ts';
import { scriptData } from './script-data.ts';

/** A call of a function of the parent (or top) window, in a script: `parent.showList(`, `window.top.fn(`. */
const PARENT_CALL = /(?:\bwindow\.)?\b(?:parent|top)(?:\.window)?\.([A-Za-z_$][\w$]*)\s*\(/g;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;
/** Larger pages are not such answers. */
const MAX_CHARS = 2 * 1024 * 1024;

/** The text between an opening parenthesis at `open` and its match (strings and nesting skipped); null if unclosed. */
function argumentsText(code: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? code.slice(open + 1, i) : null;
    }
  }
  return null;
}

/** The arguments as data: JSON, else a JavaScript literal run alone in the sandbox (script-data.ts); null if neither. */
function argumentsData(args: string): Json[] | null {
  try {
    return JSON.parse(`[${args}]`) as Json[];
  } catch {
    const data = scriptData(`var args = [${args}];`);
    const list = data && typeof data === 'object' && !Array.isArray(data) ? data['args'] : null;
    return Array.isArray(list) ? list : null;
  }
}

/**
 * The data an HTML answer's script hands to its parent window: the first call of a parent's (or top's) function
 * whose arguments are data holding an object or array; null when there is none.
 */
export function parentCallData(text: string): Json | null {
  if (text.length > MAX_CHARS || !/<script/i.test(text)) return null;
  for (const script of text.matchAll(SCRIPT)) {
    const code = script[1]!;
    for (const call of code.matchAll(PARENT_CALL)) {
      const args = argumentsText(code, call.index + call[0].length - 1);
      if (args === null || !/[[{]/.test(args)) continue;
      const data = argumentsData(args);
      if (!data || !data.some((a) => a !== null && typeof a === 'object')) continue;
      return data.length === 1 ? data[0]! : data;
    }
  }
  return null;
}
