// Whether dist/ (`npm run build`) was compiled from the sources as they are now. It is when no file under src/ is
// newer than the build's start and none was added or removed since; else the sources are run through tsx. Checking
// takes a directory walk and a stat per file (a few milliseconds), cheaper than any wrong answer from an old build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout this file belongs to. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** src/, dist/ and the build's stamp of a checkout. */
export function layout(root = ROOT) {
  const dist = path.join(root, 'dist');
  return { src: path.join(root, 'src'), dist, stamp: path.join(dist, 'build.json') };
}

/** Every file under the checkout's src/, as paths relative to it. */
export function sourceFiles(root = ROOT) {
  const { src } = layout(root);
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(src, path.join(d.parentPath ?? d.path, d.name)));
}

/** True when the checkout's dist/ holds a build of its current sources. */
export function distIsCurrent(root = ROOT) {
  const { src, stamp } = layout(root);
  let built;
  try {
    built = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return false; // never built, or a build that did not finish
  }
  const files = sourceFiles(root);
  if (files.length !== built.files) return false;
  return files.every((rel) => statSync(path.join(src, rel)).mtimeMs < built.builtAt);
}
