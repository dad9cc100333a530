import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where package.json is), found from this file whether it runs from `src/`
 * under the test runner or from `dist/src/` after the build.
 */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`delmal: package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
})();

/** The catalog shipped with delmal, written from the plan documents. */
export const SHIPPED_CATALOG = join(PACKAGE_ROOT, 'db', 'catalog', 'catalog.yaml');
