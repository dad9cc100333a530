import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { CatalogImportError, type LocatedIssue } from '../catalog/catalog-issues.js';
import type { MessageKey } from '../i18n/i18n.js';
import { PACKAGE_ROOT } from '../paths.js';

/** The thesaurus shipped next to the catalog; administrators extend it by editing this file. */
const SHIPPED_THESAURUS = join(PACKAGE_ROOT, 'db', 'catalog', 'thesaurus.yaml');

const group = z.strictObject({
  id: z
    .string({ error: 'catalog.expected.id' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'catalog.expected.id' }),
  /** Words and phrases that mean the same here: everyday words next to the plan's own. */
  words: z
    .array(z.string({ error: 'catalog.expected.text' }).trim().min(1, { error: 'catalog.expected.text' }), {
      error: 'thesaurus.expected.words',
    })
    .min(2, { error: 'thesaurus.expected.words' }),
  note: z.string().optional(),
});

const thesaurusSchema = z.strictObject({
  format: z.literal(1, { error: 'catalog.expected.format' }),
  groups: z.array(group, { error: 'thesaurus.expected.groups' }),
});

type ThesaurusGroup = z.output<typeof group>;
export interface Thesaurus {
  readonly groups: readonly ThesaurusGroup[];
}

/**
 * Parses and validates a thesaurus file. Throws {@link CatalogImportError} with every problem
 * located at its line, like a catalog import, so a typo in an administrator's edit is easy to find.
 */
function parseThesaurus(path: string, text: string): Thesaurus {
  const file = basename(path);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (at: readonly PropertyKey[]): number | undefined => {
    for (let depth = at.length; depth >= 0; depth--) {
      const node = doc.getIn(at.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const issue = (path: (string | number)[], key: MessageKey, params = {}): LocatedIssue => ({
    file,
    line: lineOf(path),
    column: undefined,
    path,
    key,
    params,
  });
  if (doc.errors.length > 0)
    throw new CatalogImportError(
      doc.errors.map((e) => ({
        ...issue([], 'catalog.file.yamlSyntax', { detail: e.message.split('\n')[0] ?? e.code }),
        line: e.linePos?.[0].line,
      })),
    );
  const result = thesaurusSchema.safeParse(doc.toJS());
  if (!result.success)
    throw new CatalogImportError(
      result.error.issues.map((i) => {
        const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
        const key = (
          i.message.startsWith('catalog.') || i.message.startsWith('thesaurus.')
            ? i.message
            : 'catalog.expected.other'
        ) as MessageKey;
        return issue(path, key, { value: '', detail: i.message });
      }),
    );
  const seen = new Map<string, number>();
  const duplicates: LocatedIssue[] = [];
  result.data.groups.forEach((g, index) => {
    if (seen.has(g.id))
      duplicates.push(issue(['groups', index, 'id'], 'thesaurus.duplicateId', { value: g.id }));
    seen.set(g.id, index);
  });
  if (duplicates.length > 0) throw new CatalogImportError(duplicates);
  return result.data;
}

/** Reads and validates the thesaurus at `path` (the shipped one by default). */
export function loadThesaurus(path: string = SHIPPED_THESAURUS): Thesaurus {
  return parseThesaurus(path, readFileSync(path, 'utf8'));
}
