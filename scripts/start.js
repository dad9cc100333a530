#!/usr/bin/env node
// `npm start`: checks Node first, builds dist/ only when a source is newer than it, then runs
// `delmal serve` from dist/ in this same process (signals reach it directly).
// Plain JavaScript with no imports beyond Node's own, so any Node can run it far enough to explain.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // The same words as `cli.node.tooOld` in src/i18n (a test compares them): src/ is not built yet.
  const v = process.versions.node;
  process.stderr.write(
    `delmal behöver Node ≥ 22.12, du har ${v}. Installera Node 22: \`nvm install\` (läser .nvmrc) eller https://nodejs.org/en/download.\n` +
      `delmal needs Node ≥ 22.12, you have ${v}. Install Node 22: \`nvm install\` (reads .nvmrc) or https://nodejs.org/en/download.\n`,
  );
  process.exit(1);
}

/**
 * Newest modification time of the TypeScript sources and build configuration. Only the sources
 * are stat'ed (directory entries say which are directories); a tree without sources (an installed
 * package) counts as up to date.
 */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json'))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['src', 'adapters', 'commands', 'db'])
    if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json'])
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

const entry = join(root, 'dist', 'src', 'cli', 'bin.js');
if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource()) {
  process.stderr.write('delmal: building dist/ (sources changed) …\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv.splice(2, 0, 'serve');
await import(pathToFileURL(entry).href);
