import { describe, expect, it } from 'vitest';
import { nodeIsRecentEnough, nodeVersionProblem } from '../../../src/cli/preflight.js';

describe('the Node version check that runs before anything else', () => {
  it.each([
    ['20.20.2', false],
    ['v20.20.2', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['22.12.1', true],
    ['22.23.5', true],
    ['24.0.0', true],
  ])('Node %s is recent enough: %s', (version, ok) => {
    expect(nodeIsRecentEnough(version)).toBe(ok);
  });

  it('tells someone on Node 20 what they have, what they need and how to install it, in Swedish and English', () => {
    expect(nodeVersionProblem('20.20.2')).toBe(
      'delmal behöver Node ≥ 22.12, du har 20.20.2. Installera Node 22: `nvm install` (läser .nvmrc) eller https://nodejs.org/en/download.\n' +
        'delmal needs Node ≥ 22.12, you have 20.20.2. Install Node 22: `nvm install` (reads .nvmrc) or https://nodejs.org/en/download.',
    );
    expect(nodeVersionProblem('22.11.0')).toContain('du har 22.11.0');
  });

  it('says nothing on a Node that will do', () => {
    expect(nodeVersionProblem('22.12.0')).toBeUndefined();
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });
});
