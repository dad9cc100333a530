import { formatPath, type LocatedIssue } from '../catalog/catalog-issues.js';
import type { MessageKey, Translate } from '../i18n/i18n.js';

/** `catalog.yaml:123 activities[4].goals[0]: message` — where, then what, then how to fix. */
export function describeIssue(t: Translate, issue: LocatedIssue): string {
  const where = `${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}`;
  const field = issue.column ? ` ${t('cli.catalog.column', { column: issue.column })}` : '';
  const path = issue.path.length > 0 ? ` ${formatPath(issue.path)}` : '';
  const params = { ...issue.params };
  if (typeof params.kind === 'string') params.kind = t(`catalog.kind.${params.kind}` as MessageKey);
  return `${where}${path}${field}: ${t(issue.key, params)}`;
}
