import type { App } from '@microsoft/teams.apps';
import type { AdapterDeps } from '../../src/asking/adapter-deps.js';
import { translator } from '../../src/i18n/i18n.js';

/**
 * delmal has no dialogs (task modules). Teams documents the answer to a `task/fetch` or
 * `task/submit` invoke as `{ task: { type: 'continue' | 'message', value } }`; without a handler the
 * SDK answered 200 with an empty body, which Teams shows as a broken dialog. A `message` task is
 * the documented way to say no: Teams shows the text in a small dialog the user closes.
 */
export function registerDialogRefusal(app: App, deps: AdapterDeps): void {
  const refusal = () => ({
    task: { type: 'message' as const, value: translator(deps.locale)('teams.noDialogs') },
  });
  app.on('dialog.open', async () => refusal());
  app.on('dialog.submit', async () => refusal());
}
