/**
 * One LibreOffice kept running per process for DOC/WPS/ODT conversions (src/extract/formats/office-server.ts,
 * office-convert.py): several files converted by one office, each into the DOCX the extraction reads; a file it cannot
 * open is an error the one-shot command may retry; and no office outlives its process, whether the process ends by
 * itself (the idle office does not keep it alive) or is killed -9 (the office dies with it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { OfficeConversionError, officeServer } from '../../src/extract/formats/office-server.ts';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { repoRoot } from './helpers.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

const blind = (name: string) => path.join(repoRoot, 'test/fixtures/docs-blind', name);
const FILTER = 'MS Word 2007 XML';

/** The offices running for process `pid` (their pipe is named after it). */
function officesOf(pid: number): string[] {
  const out = spawnSync('pgrep', ['-f', `soffice.bin .*pipe,name=nianbao_${pid}_`], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean);
}

async function until(what: string, fn: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('one running office converts several files, each into a DOCX the extraction reads', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'soffice', 'python3-uno')) return;
  const server = officeServer()!;
  const dir = tempDir();
  const files = ['b115.tracked.wps', 'b127.s2-wan-units.wps'];
  for (const [i, name] of files.entries()) {
    const out = path.join(dir, `${i}.docx`);
    await server.convert(blind(name), out, FILTER, 60_000);
    const { text } = readDocx(readFileSync(out));
    assert.match(text, /政府信息公开/, name);
    assert.equal(officesOf(process.pid).length, 1, 'one office for every conversion of the process');
  }
  // Bytes LibreOffice cannot open as a document: an error the one-shot command may try again, and the office lives on.
  const junk = path.join(dir, 'junk.doc');
  writeFileSync(junk, Buffer.alloc(4096, 0xff));
  const err = await server.convert(junk, path.join(dir, 'junk.docx'), FILTER, 60_000).then(() => undefined, (e: unknown) => e);
  if (err !== undefined) assert.ok(err instanceof OfficeConversionError && err.retryable, String(err));
  const out = path.join(dir, 'after.docx');
  await server.convert(blind('b115.tracked.wps'), out, FILTER, 60_000);
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK');
  server.stop();
  await until('the stopped office to go', () => officesOf(process.pid).length === 0);
});

test('no office outlives its process: ended by itself or killed -9', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'soffice', 'python3-uno')) return;
  // The sources, or the build's JavaScript when the tests run compiled (its src/ is dist/); tsx loads either.
  const source = path.join(repoRoot, 'src/extract/formats/office-server.ts');
  const module = pathToFileURL(existsSync(source) ? source : source.replace(/\.ts$/, '.js')).href;
  const dir = tempDir();
  const convert = (then: string) =>
    `import { officeServer } from ${JSON.stringify(module)};
     await officeServer().convert(${JSON.stringify(blind('b115.tracked.wps'))}, ${JSON.stringify(path.join(dir, 'x.docx'))}, ${JSON.stringify(FILTER)}, 60000);
     console.log('converted'); ${then}`;
  // Ends by itself right after its conversion: the idle office neither keeps it alive nor stays behind.
  const ended = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', convert('')], { encoding: 'utf8', timeout: 120_000, cwd: repoRoot });
  assert.equal(ended.status, 0, ended.stderr);
  assert.match(ended.stdout, /converted/);
  await until('the ended process’s office to go', () => officesOf(ended.pid!).length === 0);
  // Killed -9 while its office runs.
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', convert('setInterval(() => {}, 1000);')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await until('the conversion in the child', () => out.includes('converted') || child.exitCode !== null, 120_000);
  assert.match(out, /converted/);
  assert.equal(officesOf(child.pid!).length, 1, 'its office runs');
  child.kill('SIGKILL');
  await until('the killed process’s office to go', () => officesOf(child.pid!).length === 0);
});
