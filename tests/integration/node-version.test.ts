import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIsRecentEnough, nodeVersionProblem } from '../../src/cli/preflight.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { DELMAL_BIN } from '../support/cli.js';

// The machine's own Node, when it is older than delmal needs (Debian ships Node 20).
const OLD_NODE = '/usr/bin/node';
const oldVersion = existsSync(OLD_NODE)
  ? execFileSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  : undefined;
const haveOldNode = oldVersion !== undefined && !nodeIsRecentEnough(oldVersion);

describe.skipIf(!haveOldNode)(`delmal on an old Node (${OLD_NODE} ${oldVersion ?? 'absent'})`, () => {
  const run = (script: string, args: string[]) =>
    spawnSync(OLD_NODE, [script, ...args], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });

  it('the delmal binary says which Node it needs instead of a stack trace, and exits 1', () => {
    const result = run(DELMAL_BIN, ['serve']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${nodeVersionProblem(oldVersion ?? '')}\n`);
    expect(result.stdout).toBe('');
  });

  it('npm start (scripts/start.js) says the same before building anything', () => {
    const result = run(join(PACKAGE_ROOT, 'scripts', 'start.js'), []);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${nodeVersionProblem(oldVersion ?? '')}\n`);
  });
});
