/**
 * Links that open their page through a function of the site's scripts (`<a href="javascript:openArticle('1234')">`,
 * `onclick="showInfo(12,'2023')"`), the function often defined in an external .js:
 *
 *   var ctx = "/sxscjg";
 *   function openArticle(id) { window.open(ctx + "/info/detail.jsp?infoid=" + id); }
 *
 * The function is not run: a small reader takes a function whose body goes to an address (window.open, location =,
 * location.href =, location.assign/replace) built by `+` from string literals, its parameters, and string variables
 * the scripts or the body set from the same, and gives up on anything else. The page is then read with each such
 * call replaced by the address it opens, as a real link (`href`) or as `window.open('…')` (`onclick`), which is where
 * a browser's click would go.
 */

/** A piece of a built address: a literal, or the function's parameter at that index. */
type Part = { lit: string } | { param: number };

/** A function that opens an address built from its arguments. */
export interface OpenFunction {
  parts: Part[];
}

const IDENT = '[A-Za-z_$][\\w$]*';
/** `function name(a, b) { body }` and `name = function (a, b) { body }` (a body without nested braces). */
const FUNCTION_DEF = new RegExp(`(?:function\\s+(${IDENT})\\s*\\(([^()]*)\\)|(?:window\\.)?(${IDENT})\\s*=\\s*function\\s*\\(([^()]*)\\))\\s*\\{([^{}]{0,800})\\}`, 'g');
/** A string variable: `var ctx = "/site";` (var, let, const, or a plain assignment). */
const STRING_VAR = new RegExp(`(?:^|[;{}\\s])(?:var\\s+|let\\s+|const\\s+)?(${IDENT})\\s*=\\s*([^;\\n]{1,300})`, 'g');
/** Where a body goes: the expression given to window.open / location.assign / location.replace, or set as location. */
const GOES_TO = /(?:\bwindow\.open|\blocation\.(?:assign|replace))\s*\(([^;]*?)\)\s*(?:[;}\n]|$)|\blocation(?:\.href)?\s*=\s*([^;\n]+)/;

function unquote(token: string): string | null {
  const m = /^(["'])((?:[^\\]|\\.)*)\1$/.exec(token);
  return m ? m[2]!.replace(/\\(.)/g, '$1') : null;
}

/** The first argument of a call's argument list (before a top-level comma), quotes respected. */
function firstArgument(args: string): string {
  let quote = '';
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

/** Splits `a + "b" + c` at its top-level `+` signs (quotes respected); null when it holds anything but terms. */
function terms(expr: string): string[] | null {
  const out: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '+') out.push(expr.slice(start, i).trim()), (start = i + 1);
    else if (/[()?:*/|&=<>[\]{}]/.test(c)) return null;
  }
  out.push(expr.slice(start).trim());
  return out.every((t) => t.length > 0) ? out : null;
}

/** An expression as parts, its names looked up in `vars` (parts) and `params`; null at anything unknown. */
function partsOf(expr: string, vars: Map<string, Part[]>, params: string[]): Part[] | null {
  const ts = terms(expr.trim().replace(/^\(|\)$/g, ''));
  if (!ts) return null;
  const out: Part[] = [];
  for (const t of ts) {
    const lit = unquote(t);
    if (lit !== null) out.push({ lit });
    else if (params.includes(t)) out.push({ param: params.indexOf(t) });
    else if (vars.has(t)) out.push(...vars.get(t)!);
    else return null;
  }
  return out;
}

/** String variables assigned from literals and other such variables (`var ctx = "/a"; var base = ctx + "/b";`). */
function stringVars(source: string, params: string[] = [], outer = new Map<string, Part[]>()): Map<string, Part[]> {
  const vars = new Map(outer);
  for (const m of source.matchAll(STRING_VAR)) {
    const parts = partsOf(m[2]!.trim(), vars, params);
    if (parts) vars.set(m[1]!, parts);
  }
  return vars;
}

/** The functions of these scripts that open an address built from their arguments, by name. */
export function openFunctions(scripts: string[]): Map<string, OpenFunction> {
  const all = scripts.join('\n;\n');
  // Top-level string variables: the scripts less their function bodies.
  const globals = stringVars(all.replace(FUNCTION_DEF, ';'));
  const out = new Map<string, OpenFunction>();
  for (const m of all.matchAll(FUNCTION_DEF)) {
    const name = m[1] ?? m[3]!;
    const params = (m[2] ?? m[4] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const body = m[5]!;
    const goes = GOES_TO.exec(body);
    if (!goes) continue;
    const expr = goes[1] !== undefined ? firstArgument(goes[1]) : goes[2]!;
    const parts = partsOf(expr, stringVars(body.slice(0, goes.index), params, globals), params);
    if (parts?.some((p) => 'param' in p)) out.set(name, { parts });
  }
  return out;
}

/** A call with literal arguments only: `openArticle('1234')`, `showInfo(12, "2023")`. */
const CALL = new RegExp(`^\\s*(?:javascript:\\s*)?(${IDENT})\\s*\\(([^()]*)\\)\\s*;?\\s*(?:return\\s+false\\s*;?\\s*)?$`);

function literalArgs(args: string): string[] | null {
  if (!args.trim()) return [];
  const out: string[] = [];
  for (const raw of args.split(',')) {
    const t = raw.trim();
    const lit = unquote(t);
    if (lit !== null) out.push(lit);
    else if (/^-?\d+(?:\.\d+)?$/.test(t)) out.push(t);
    else return null;
  }
  return out;
}

/** The address a call of a known function opens, or null. */
export function callTarget(call: string, functions: Map<string, OpenFunction>): string | null {
  const m = CALL.exec(call);
  const fn = m ? functions.get(m[1]!) : undefined;
  const args = m ? literalArgs(m[2]!) : null;
  if (!fn || !args) return null;
  const url = fn.parts.map((p) => ('lit' in p ? p.lit : (args[p.param] ?? ''))).join('');
  return url.trim() && !/^\s*javascript:/i.test(url) ? url : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#0*39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page with each script link whose function these scripts (and the page's own inline scripts) define replaced by
 * the address it opens: `href="javascript:f('1')"` becomes `href="…"`, `onclick="f('1')"` becomes
 * `onclick="window.open('…')"`. The page is returned as given when no link is such.
 */
export function withScriptLinks(html: string, pageUrl: string, external: string[] = []): string {
  if (!/javascript:|onclick/i.test(html)) return html;
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
  const functions = openFunctions([...external, ...inline]);
  if (!functions.size) return html;
  return html.replace(/(\s)(href|onclick)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (whole, space: string, attr: string, eq: string, dq?: string, sq?: string) => {
    const url = callTarget(decodeEntities(dq ?? sq ?? ''), functions);
    if (!url) return whole;
    // A script's address is relative to the page (a link's, to its <base>: left to the link reader).
    const value = attr.toLowerCase() === 'href' ? url : `window.open('${absolute(url, pageUrl).replace(/'/g, '%27')}')`;
    return `${space}${attr}${eq}"${escapeAttr(value)}"`;
  });
}
