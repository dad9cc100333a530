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

/** Newest modification time of the TypeScript sources and build configuration. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else if (path.endsWith('.ts') || path.endsWith('.json')) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of ['src', 'adapters', 'commands', 'db']) visit(join(root, dir));
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) visit(join(root, file));
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
