/**
 * One Chromium for a test file's browser tests: launched before them when the machine has it (tools.ts decides, so a
 * test still calls `requireTools(t, 'chromium')`), closed after them. Returns a getter: the browser exists only once
 * the file's `before` hook has run.
 */
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright';
import { loadConfig } from '../../src/config.ts';
import { toolDecision } from './tools.ts';

export function fileBrowser(): () => Browser | undefined {
  let browser: Browser | undefined;
  before(async () => {
    if (toolDecision(['chromium']) === 'run') browser = await chromium.launch({ executablePath: loadConfig({}).chromiumPath, args: ['--no-sandbox', '--headless'] });
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}
