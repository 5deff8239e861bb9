/**
 * A list published as a plain script file the page includes (`<script src="/xxgk/nb/data.js">`) rather than asked
 * by XHR: the file only declares data (`var nbTotal = 10; var nbList = [{ id: 'b7f21', t: '…' }, …];`, unquoted
 * keys, single quotes, comments and trailing commas: JavaScript, not JSON) and the page's own script draws and pages
 * it. Such a file is read as the JSON of its declared values (`{nbTotal: 10, nbList: […]}`), run alone in the
 * sandbox (script-sandbox.ts). A script that does anything but declare data (a function, a call) is not one, but for
 * calls at its end that hand the data to the page (`showList(nbList);`, `if (typeof nbDraw === 'function') nbDraw();`,
 * `window.render && render();`): a CMS publishing one such file per list page loads the next by a script element
 * and lets the file itself tell the page it has come. Those calls are not run: the data is read without them.
 */
import { evalDataScript } from '../script-sandbox.ts';
import type { Json } from './list-shape.ts';

/** Comments and string literals (a URL's `//` inside a string is no comment). */
const COMMENT_OR_STRING = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g;
/** A declaration of a variable or a property of window, where a statement starts. */
const DECLARED = /(?:^|[;\n}])\s*(?:(?:var|let|const)\s+([A-Za-z_$][\w$]*)|window\.([A-Za-z_$][\w$]*))\s*=/g;
/** Code that runs something: a call, a function, an arrow, a template's interpolation. */
const RUNS = /[()]|=>|\bfunction\b|\bnew\b/;
/** Larger files are not lists a page draws in full. */
const MAX_CHARS = 2 * 1024 * 1024;

/**
 * A call ending the script that hands its data to the page: a function (or a method) called with names and literals
 * only, bare, behind `if (typeof f === 'function')` / `if (window.f)`, or behind `f && `. Read on the masked code
 * (strings as "xx…"), after a statement's end.
 */
const HANDOVER =
  /[;\n}](\s*(?:if\s*\(\s*(?:typeof\s+[\w$.]+\s*[!=]==?\s*"x*"|!?\s*[\w$.]+)\s*\)\s*\{?\s*|[\w$.]+\s*&&\s*)?[A-Za-z_$][\w$.]*\s*\(\s*[\w$".,\s-]*\)\s*;?\s*\}?\s*)$/;
/** How far from its end a handing-over call is looked for (a few of them, never the data). */
const TAIL_CHARS = 400;

/** Comments and strings masked character for character (strings as "xx…", comments as spaces), so offsets hold. */
function masked(text: string): string {
  return text.replace(COMMENT_OR_STRING, (m) => (m.startsWith('/') ? m.replace(/[^\n]/g, ' ') : `"${'x'.repeat(m.length - 2)}"`));
}

/** Where the data ends: before the calls at the script's end that hand it to the page (HANDOVER), else the end. */
function dataEnd(code: string): number {
  let end = code.length;
  for (;;) {
    const from = Math.max(0, end - TAIL_CHARS);
    const m = HANDOVER.exec(code.slice(from, end));
    if (!m) return end;
    end = from + m.index + 1;
  }
}

/**
 * The names a data script declares and where its data ends (before calls handing it over); null when the text is
 * not a script that only declares data.
 */
function declared(text: string): { names: string[]; data: string } | null {
  if (text.length > MAX_CHARS) return null;
  const source = text.replace(/^\uFEFF/, '');
  const all = masked(source);
  const end = dataEnd(all);
  const code = all.slice(0, end);
  if (!/^\s*(?:var|let|const|window\.)/.test(code) || RUNS.test(code) || !/[[{]/.test(code)) return null;
  const names = [...code.matchAll(DECLARED)].map((m) => (m[1] ?? m[2])!);
  return names.length ? { names: [...new Set(names)], data: source.slice(0, end) } : null;
}

/** Whether a script file's text only declares data (a cheap test: nothing is run). */
export function isDataScript(text: string): boolean {
  return declared(text) !== null;
}

/** The values a data script declares, by name, as JSON; null when it is not one or does not run. */
export function scriptData(text: string): Json | null {
  const found = declared(text);
  if (!found) return null;
  const out = evalDataScript(found.data, found.names);
  if (out === undefined) return null;
  try {
    return JSON.parse(out) as Json;
  } catch {
    return null;
  }
}
