import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { CATALOG_FORMAT, type Catalog, catalogSchema } from '../../db/model/catalog-schema.js';
import type { MessageKey } from '../i18n/i18n.js';
import {
  CatalogImportError,
  type CatalogIssue,
  type CatalogPath,
  type LocatedIssue,
} from './catalog-issues.js';

/** A parsed catalog file that knows where each of its values came from. */
export interface CatalogFile {
  readonly name: string;
  readonly catalog: Catalog;
  /** Locates issues found later (references) at their line in this file. */
  locate(issues: readonly CatalogIssue[]): LocatedIssue[];
}

/** The CSV columns of an activity row, in export order. List cells separate values with `;` or `,`. */
export const ACTIVITY_CSV_COLUMNS = [
  'id',
  'name',
  'description',
  'reportedStatus',
  'reportedStatusText',
  'periodStart',
  'periodEnd',
  'interventionLevels',
  'focusAreas',
  'activityAreas',
  'goals',
  'owners',
  'sourceDocument',
  'sourceSection',
] as const;
const LIST_COLUMNS = new Set(['interventionLevels', 'focusAreas', 'activityAreas', 'goals', 'owners']);

/**
 * Parses and validates a catalog file: YAML (the whole catalog or part of it) or CSV (activities).
 * Throws {@link CatalogImportError} with every problem located at file, line and field.
 */
export function parseCatalogFile(path: string, text: string): CatalogFile {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return parseCsvFile(name, text);
  if (ext === '.yaml' || ext === '.yml') return parseYamlFile(name, text);
  throw new CatalogImportError([
    {
      file: name,
      line: undefined,
      column: undefined,
      path: [],
      key: 'catalog.file.extension',
      params: { value: ext },
    },
  ]);
}

function parseYamlFile(name: string, text: string): CatalogFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new CatalogImportError(
      doc.errors.map((e) => ({
        file: name,
        line: e.linePos?.[0].line,
        column: undefined,
        path: [],
        key: 'catalog.file.yamlSyntax',
        params: { detail: e.message.split('\n')[0] ?? e.code },
      })),
    );
  const raw: unknown = doc.toJS();
  const lineOf = (path: CatalogPath): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      const at = node?.range?.[0];
      if (at !== undefined) return lineCounter.linePos(at).line;
      // A missing key: point at the map that lacks it.
      const parent = doc.getIn(path.slice(0, depth - 1), true);
      if ((isMap(parent) || isSeq(parent)) && parent.range) return lineCounter.linePos(parent.range[0]).line;
    }
    return undefined;
  };
  return validate(name, raw, (path) => ({ line: lineOf(path), column: undefined }));
}

function parseCsvFile(name: string, text: string): CatalogFile {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      // Swedish spreadsheet programs save CSV with semicolons; the header line tells which was used.
      delimiter: (text.split('\n', 1)[0] ?? '').includes(',') ? ',' : ';',
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new CatalogImportError([
      {
        file: name,
        line: e.lines,
        column: undefined,
        path: [],
        key: 'catalog.file.csvSyntax',
        params: { detail: e.message },
      },
    ]);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((h) => !(ACTIVITY_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('id') || !header.includes('name'))
    throw new CatalogImportError([
      {
        file: name,
        line: 1,
        column: unknown[0],
        path: [],
        key: 'catalog.file.csvHeader',
        params: { value: unknown.join(', ') || '-', expected: ACTIVITY_CSV_COLUMNS.join(', ') },
      },
    ]);
  const activities = records.map(({ record }) => {
    const row: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(record)) {
      if (column === 'sourceDocument' || column === 'sourceSection') continue;
      if (LIST_COLUMNS.has(column))
        row[column] = value
          .split(/[;,\s]+/)
          .map((v) => v.trim())
          .filter(Boolean);
      else if (value !== '') row[column] = value;
    }
    if (record.sourceDocument)
      row.source = { document: record.sourceDocument, section: record.sourceSection ?? '' };
    return row;
  });
  // Line of each record: csv-parse reports the line the record ended on; header is line 1.
  const lines = records.map((r) => r.info.lines);
  return validate(name, { format: CATALOG_FORMAT, activities }, (path) => {
    const index = path[0] === 'activities' && typeof path[1] === 'number' ? path[1] : undefined;
    const column =
      typeof path[2] === 'string' ? (path[2] === 'source' ? 'sourceDocument' : path[2]) : undefined;
    return { line: index === undefined ? undefined : lines[index], column };
  });
}

type Locator = (path: CatalogPath) => { line: number | undefined; column: string | undefined };

function validate(name: string, raw: unknown, where: Locator): CatalogFile {
  const locate = (issues: readonly CatalogIssue[]): LocatedIssue[] =>
    issues.map((issue) => ({ ...issue, file: name, ...where(issue.path) }));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new CatalogImportError(locate([{ path: [], key: 'catalog.file.notAMapping' }]));
  const result = catalogSchema.safeParse(raw);
  if (!result.success)
    throw new CatalogImportError(locate(result.error.issues.flatMap((i) => fromZod(i, raw))));
  return { name, catalog: result.data, locate };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = raw;
  for (const part of path)
    at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined;
  return at;
}

/** Turns one zod issue into catalog issues with a message key the user can act on. */
function fromZod(issue: z.core.$ZodIssue, raw: unknown): CatalogIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: [...path, key],
      key: 'catalog.unknownField',
      params: { value: key },
    }));
  const value = valueAt(raw, path);
  if (value === undefined) return [{ path, key: 'catalog.missing' }];
  const shown = typeof value === 'object' ? JSON.stringify(value).slice(0, 60) : String(value);
  const key = (issue.message.startsWith('catalog.') ? issue.message : 'catalog.expected.other') as MessageKey;
  return [{ path, key, params: { value: shown, detail: issue.message } }];
}
