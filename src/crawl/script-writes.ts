/**
 * What an inline script writes into the page with `document.write`, for the legacy templates (TRS above all) that
 * write each list item that way:
 *
 *   var str_1 = "./202501/t20250122_1.htm"; var str_2 = "";
 *   if (str_2 == "") { document.write("<li><a href='" + str_1 + "'>…</a></li>"); } else { … str_2 … }
 *
 * The script is not run: a small reader understands string and number variables, `+`, comparisons, `!`, `&&`, `||`,
 * `if`/`else` and `document.write(ln)`, and gives up on the whole script at anything else (a loop, a function, a
 * call), so what it returns is exactly what a browser would write, or nothing. The written HTML is placed after its
 * script, which stays (pager readers read the script itself).
 */

type Value = string | number | boolean;
type Token = { kind: 'str' | 'num' | 'id' | 'op'; text: string; value?: Value };

class Unsupported extends Error {}

const MAX_SCRIPT = 20_000;
const MAX_OUTPUT = 200_000;

const TOKEN =
  /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|<!--|-->|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|(\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*)|(===|!==|==|!=|\+=|&&|\|\||[(){};,=+\-!.<>])/y;

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || TOKEN.lastIndex === at) throw new Unsupported(`unreadable at ${at}`);
    if (m[1] !== undefined || m[2] !== undefined) out.push({ kind: 'str', text: m[0], value: unescape(m[1] ?? m[2]!) });
    else if (m[3] !== undefined) out.push({ kind: 'num', text: m[3], value: Number(m[3]) });
    else if (m[4] !== undefined) out.push({ kind: 'id', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'op', text: m[5] });
  }
  return out;
}

const truthy = (v: Value) => Boolean(v);

class Reader {
  private at = 0;
  private readonly vars = new Map<string, Value>();
  written = '';

  constructor(private readonly tokens: Token[]) {}

  run(): string {
    while (this.at < this.tokens.length) this.statement(true);
    return this.written;
  }

  private peek(text?: string): Token | undefined {
    const t = this.tokens[this.at];
    return text === undefined || t?.text === text ? t : undefined;
  }

  private take(text?: string): Token {
    const t = this.tokens[this.at];
    if (!t || (text !== undefined && t.text !== text)) throw new Unsupported(`expected ${text ?? 'a token'}`);
    this.at++;
    return t;
  }

  private statement(exec: boolean): void {
    const t = this.take();
    if (t.text === ';') return;
    if (t.text === '{') {
      while (!this.peek('}')) this.statement(exec);
      this.take('}');
      return;
    }
    if (t.text === 'var' || t.text === 'let' || t.text === 'const') {
      do {
        const name = this.take();
        if (name.kind !== 'id') throw new Unsupported('declaration');
        const value = this.peek('=') ? (this.take('='), this.expr(exec)) : '';
        if (exec) this.vars.set(name.text, value);
      } while (this.peek(',') && this.take(','));
      return this.end();
    }
    if (t.text === 'if') {
      this.take('(');
      const cond = this.expr(exec);
      this.take(')');
      this.statement(exec && truthy(cond));
      if (this.peek('else')) {
        this.take('else');
        this.statement(exec && !truthy(cond));
      }
      return;
    }
    if (t.text === 'document' && this.peek('.')) {
      this.take('.');
      const fn = this.take().text;
      if (fn !== 'write' && fn !== 'writeln') throw new Unsupported(`document.${fn}`);
      this.take('(');
      const parts: Value[] = [this.expr(exec)];
      while (this.peek(',')) this.take(','), parts.push(this.expr(exec));
      this.take(')');
      if (exec) this.written += parts.map(String).join('') + (fn === 'writeln' ? '\n' : '');
      if (this.written.length > MAX_OUTPUT) throw new Unsupported('too much output');
      return this.end();
    }
    if (t.kind === 'id' && (this.peek('=') || this.peek('+='))) {
      const op = this.take().text;
      const value = this.expr(exec);
      if (exec) this.vars.set(t.text, op === '=' ? value : add(this.variable(t.text), value));
      return this.end();
    }
    throw new Unsupported(`statement ${t.text}`);
  }

  private end(): void {
    if (this.peek(';')) this.take(';');
  }

  private variable(name: string): Value {
    const v = this.vars.get(name);
    if (v === undefined) throw new Unsupported(`unknown ${name}`);
    return v;
  }

  private expr(exec: boolean): Value {
    let v = this.and(exec);
    while (this.peek('||')) {
      this.take();
      const r = this.and(exec);
      v = truthy(v) ? v : r;
    }
    return v;
  }

  private and(exec: boolean): Value {
    let v = this.equality(exec);
    while (this.peek('&&')) {
      this.take();
      const r = this.equality(exec);
      v = truthy(v) ? r : v;
    }
    return v;
  }

  private equality(exec: boolean): Value {
    const v = this.sum(exec);
    const op = this.peek()?.text;
    if (op !== '==' && op !== '!=' && op !== '===' && op !== '!==' && op !== '<' && op !== '>') return v;
    this.take();
    const r = this.sum(exec);
    if (op === '<' || op === '>') return op === '<' ? Number(v) < Number(r) : Number(v) > Number(r);
    // Loose and strict equality agree on the strings and numbers these scripts compare.
    const same = typeof v === typeof r ? v === r : String(v) === String(r);
    return op.startsWith('=') ? same : !same;
  }

  private sum(exec: boolean): Value {
    let v = this.unary(exec);
    while (this.peek('+') || this.peek('-')) {
      const op = this.take().text;
      const r = this.unary(exec);
      v = op === '+' ? add(v, r) : Number(v) - Number(r);
    }
    return v;
  }

  private unary(exec: boolean): Value {
    if (this.peek('!')) {
      this.take();
      return !truthy(this.unary(exec));
    }
    const t = this.take();
    if (t.kind === 'str' || t.kind === 'num') return t.value!;
    if (t.text === '(') {
      const v = this.expr(exec);
      this.take(')');
      return v;
    }
    if (t.kind === 'id') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (this.peek('.') || this.peek('(')) throw new Unsupported(`call or member ${t.text}`);
      // A branch not taken may name variables its condition guards; only a taken one must know them.
      return exec ? this.variable(t.text) : '';
    }
    throw new Unsupported(`expression ${t.text}`);
  }
}

function add(a: Value, b: Value): Value {
  return typeof a === 'string' || typeof b === 'string' ? String(a) + String(b) : Number(a) + Number(b);
}

/** The HTML an inline script writes with document.write, or null when the script does anything else. */
export function scriptWrites(script: string): string | null {
  if (script.length > MAX_SCRIPT || !/document\.write/.test(script)) return null;
  try {
    return new Reader(tokenize(script)).run();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** The page with what each of its inline `document.write` scripts writes placed after the script. */
export function withScriptWrites(html: string): string {
  if (!html.includes('document.write')) return html;
  return html.replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script\s*>)/gi, (whole, _open: string, attrs: string, body: string) => {
    if (/\bsrc\s*=/i.test(attrs)) return whole;
    const written = scriptWrites(body);
    return written ? `${whole}${written}` : whole;
  });
}
