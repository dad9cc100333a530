import { translate } from '../i18n/i18n.js';

/** The oldest Node delmal runs on (the Teams SDK needs 22.12; package.json `engines` says the same). */
const REQUIRED_NODE = '22.12.0';

/** True when `version` ("22.11.0", "v20.20.2") is at least `required`. */
export function nodeIsRecentEnough(version: string, required = REQUIRED_NODE): boolean {
  const parts = (v: string) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const have = parts(version);
  const need = parts(required);
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * What to tell someone who runs delmal on a Node that is too old — in Swedish, then English — or
 * undefined when the version will do. Checked before anything else is loaded: on an old Node the
 * SDKs fail with errors that do not say why.
 */
export function nodeVersionProblem(version: string): string | undefined {
  if (nodeIsRecentEnough(version)) return undefined;
  const params = { required: REQUIRED_NODE.replace(/\.0$/, ''), actual: version.replace(/^v/, '') };
  return `${translate('sv', 'cli.node.tooOld', params)}\n${translate('en', 'cli.node.tooOld', params)}`;
}
