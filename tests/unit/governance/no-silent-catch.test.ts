import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Ways of dropping an error on the floor: a catch that ignores it and does nothing. */
const SILENT = [
  { name: '.catch(() => {})', pattern: /\.catch\(\s*(?:async\s*)?\(\s*\w*\s*\)\s*=>\s*\{\s*\}\s*\)/g },
  {
    name: '.catch(() => undefined)',
    pattern: /\.catch\(\s*(?:async\s*)?\(\s*\)\s*=>\s*(?:undefined|null|void 0|\{\s*\})\s*\)/g,
  },
  { name: '.catch(noop)', pattern: /\.catch\(\s*(?:noop|ignore|\(\)\s*=>\s*\{\s*\/\/[^\n]*\n\s*\})\s*\)/g },
  { name: 'empty catch block', pattern: /catch\s*(?:\(\s*\w*\s*\))?\s*\{\s*\}/g },
  {
    name: '.then(…, () => fallback)',
    pattern: /\.then\(\s*[^;]*?,\s*\(\)\s*=>\s*(?:false|true|undefined|null|\{\s*\})\s*,?\s*\)/g,
  },
];

it('no error is dropped silently in src/ or adapters/: each is handled with a reason or logged', () => {
  const found: string[] = [];
  for (const dir of ['src', 'adapters'])
    for (const file of sources(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const { name, pattern } of SILENT)
        for (const match of text.matchAll(pattern)) {
          const line = text.slice(0, match.index).split('\n').length;
          found.push(`${relative(ROOT, file)}:${line} ${name}`);
        }
    }
  expect(found).toEqual([]);
});

it('the check itself recognises the silent catches it forbids', () => {
  const samples = [
    'p.catch(() => undefined)',
    'p.catch(() => {})',
    'p.catch((_e) => {})',
    'try { x() } catch {}',
    'try { x() } catch (error) { }',
    'p.then(\n  () => true,\n  () => false,\n)',
  ];
  for (const sample of samples)
    expect(
      SILENT.some(({ pattern }) => sample.match(pattern)),
      sample,
    ).toBe(true);
  expect(SILENT.some(({ pattern }) => 'p.catch((e) => log.warn(e))'.match(pattern))).toBe(false);
});
