// Whether dist/ (`npm run build`) was compiled from the sources as they are now. It is when no file under src/ is
// newer than the build's start and none was added or removed since; else the sources are run through tsx. Checking
// takes a directory walk and a stat per file (a few milliseconds), cheaper than any wrong answer from an old build.
// The same holds for dist-test/, the compiled tests (test/ and bench/), which test/run.mjs runs when current.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this file belongs to. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The trees compiled into dist-test/, beside their sources' files. */
export const TEST_TREES = ['test', 'bench'];

/** Folders of the test trees that hold run output, not sources (left out of the build and of its check). */
export const TEST_OUTPUT = [path.join('bench', 'results')];

/** src/, dist/, dist-test/ and the builds' stamps of a checkout. */
export function layout(root = ROOT) {
  const dist = path.join(root, 'dist');
  const tests = path.join(root, 'dist-test');
  return { src: path.join(root, 'src'), dist, stamp: path.join(dist, 'build.json'), tests, testStamp: path.join(tests, 'build.json') };
}

/** Every file under dir, as paths relative to base, skipping the folders named in skip (relative to base). */
function filesUnder(base, dir, skip = []) {
  return readdirSync(path.join(base, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(base, path.join(d.parentPath ?? d.path, d.name)))
    .filter((rel) => !skip.some((s) => rel.startsWith(s + path.sep)));
}

/** Every file under the checkout's src/, as paths relative to it. */
export function sourceFiles(root = ROOT) {
  return filesUnder(layout(root).src, '.');
}

/** Every file of the test trees (test/, bench/ without its results), as paths relative to the checkout. */
export function testFiles(root = ROOT) {
  return TEST_TREES.flatMap((t) => filesUnder(root, t, TEST_OUTPUT));
}

/** True when the stamp's build started after every one of files (relative to base) was saved, and counted as many. */
function builtFrom(stamp, base, files) {
  let built;
  try {
    built = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return false; // never built, or a build that did not finish
  }
  if (files.length !== built.files) return false;
  return files.every((rel) => statSync(path.join(base, rel)).mtimeMs < built.builtAt);
}

/** True when the checkout's dist/ holds a build of its current sources. */
export function distIsCurrent(root = ROOT) {
  const { src, stamp } = layout(root);
  return builtFrom(stamp, src, sourceFiles(root));
}

/** True when dist-test/ holds a build of the current tests, and dist/ one of the current sources. */
export function testBuildIsCurrent(root = ROOT) {
  return distIsCurrent(root) && builtFrom(layout(root).testStamp, root, testFiles(root));
}
