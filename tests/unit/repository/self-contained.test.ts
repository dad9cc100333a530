import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../src/paths.js';

/** Every TypeScript file under `tests/`, relative to the repository root. */
function testSources(dir = join(PACKAGE_ROOT, 'tests')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testSources(path);
    return entry.name.endsWith('.ts') ? [relative(PACKAGE_ROOT, path)] : [];
  });
}

/** String literals that look like relative paths climbing out of their folder. */
const climbing = /['"`]((?:\.\.\/)+[^'"`]*)['"`]/g;

describe('the test suite is self-contained (a clone of this repository alone passes it)', () => {
  const sources = testSources();

  it('finds the test sources it checks', () => {
    expect(sources).toContain(join('tests', 'unit', 'catalog', 'shipped-catalog.test.ts'));
  });

  it.each(sources)('%s names no path outside the repository', (file) => {
    const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
    const outside = [...text.matchAll(climbing)]
      .map((m) => m[1] ?? '')
      .filter((path) => {
        const target = relative(PACKAGE_ROOT, resolve(dirname(join(PACKAGE_ROOT, file)), path));
        return target.startsWith('..') || isAbsolute(target);
      });
    expect(outside).toEqual([]);
    // Absolute paths into the machine that happened to run the tests, and the shared plan folder.
    expect(text).not.toMatch(/['"`]\/(?:work|home|Users|tmp)\//);
    expect(text).not.toMatch(/shared\/plan-documents/);
  });
});
