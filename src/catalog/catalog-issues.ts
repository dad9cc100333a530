import type { MessageKey, MessageParams } from '../i18n/i18n.js';

/** A path into a catalog document, as zod and the YAML parser both describe it. */
export type CatalogPath = readonly (string | number)[];

/** One problem found in a catalog file, before it is located (line) and worded (locale). */
export interface CatalogIssue {
  readonly path: CatalogPath;
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** One located problem, ready to print: `file:line: path: message`. */
export interface LocatedIssue extends CatalogIssue {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
}

/** Renders a path the way people read it: `activities[3].goals[0]`. */
export function formatPath(path: CatalogPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/** Thrown when a catalog file cannot be imported; nothing has been written. */
export class CatalogImportError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(readonly issues: readonly LocatedIssue[]) {
    super(`${issues.length} problem(s) in catalog file ${issues[0]?.file ?? ''}`);
    this.name = 'CatalogImportError';
  }
}
