#!/usr/bin/env node
// Kept plain: only the version check is imported statically, so an old Node reaches it and says
// what to install instead of failing inside an SDK with an unrelated TypeError.
import { nodeVersionProblem } from './preflight.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exitCode = 1;
} else {
  const { runCli } = await import('./main.js');
  process.exitCode = await runCli(process.argv.slice(2));
}
