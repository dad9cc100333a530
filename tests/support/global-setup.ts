import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../../src/paths.js';

/**
 * Builds `dist/` once before the suites run, so the tests that start the real `delmal` binary
 * exercise exactly what `npm start` and the package `bin` run.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: PACKAGE_ROOT,
    stdio: 'inherit',
  });
}
