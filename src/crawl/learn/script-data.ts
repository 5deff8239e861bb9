/**
 * A list published as a plain script file the page includes (`<script src="/xxgk/nb/data.js">`) rather than asked
 * by XHR: the file only declares data (`var nbTotal = 10; var nbList = [{ id: 'b7f21', t: '…' }, …];`, unquoted
 * keys, single quotes, comments and trailing commas: JavaScript, not JSON) and the page's own script draws and pages
 * it. Such a file is read as the JSON of its declared values (`{nbTotal: 10, nbList: […]}`), run alone in the
 * sandbox (script-sandbox.ts). A script that does anything but declare data (a function, a call) is not one.
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

/** The names a data script declares; null when the text is not a script that only declares data. */
function declaredNames(text: string): string[] | null {
  if (text.length > MAX_CHARS) return null;
  const code = text.replace(/^\uFEFF/, '').replace(COMMENT_OR_STRING, (m) => (m.startsWith('/') ? ' ' : '""'));
  if (!/^\s*(?:var|let|const|window\.)/.test(code) || RUNS.test(code) || !/[[{]/.test(code)) return null;
  const names = [...code.matchAll(DECLARED)].map((m) => (m[1] ?? m[2])!);
  return names.length ? [...new Set(names)] : null;
}

/** Whether a script file's text only declares data (a cheap test: nothing is run). */
export function isDataScript(text: string): boolean {
  return declaredNames(text) !== null;
}

/** The values a data script declares, by name, as JSON; null when it is not one or does not run. */
export function scriptData(text: string): Json | null {
  const names = declaredNames(text);
  if (!names) return null;
  const out = evalDataScript(text, names);
  if (out === undefined) return null;
  try {
    return JSON.parse(out) as Json;
  } catch {
    return null;
  }
}
