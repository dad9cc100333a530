#!/usr/bin/env node
// Kept plain: nothing but Node's own modules and the version check comes before the check, so an
// old Node reaches it and says what to install instead of failing inside an SDK with an unrelated
// TypeError.
import module from 'node:module';
import { COMPILE_CACHE_DIR } from '../paths.js';

// V8's compiled code of every module loaded from here on is kept on disk (Node ≥ 22.1): a later
// start skips most of the compiling. NODE_COMPILE_CACHE chooses another directory and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off; where the directory cannot be written (a read-only
// install) Node reports that in the returned status and delmal just compiles as before.
module.enableCompileCache?.(COMPILE_CACHE_DIR);

const { nodeVersionProblem } = await import('./preflight.js');
const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = 1;
} else {
  const { runCli } = await import('./main.js');
  process.exitCode = await runCli(process.argv.slice(2));
}
