import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { DEFAULT_LOCALE, isLocale, translator } from '../../src/i18n/i18n.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
const SOURCE = join(PACKAGE_ROOT, 'manifest', 'teams');

/** manifest.json with the app's id (the Azure bot's client id) in every place Teams needs it. */
export function teamsManifestFor(clientId: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(SOURCE, 'manifest.json'), 'utf8').replaceAll(PLACEHOLDER, clientId),
  ) as Record<string, unknown>;
}

/** The app package Teams admins upload: manifest.json and the two icons, zipped flat. */
export async function buildTeamsPackage(clientId: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(teamsManifestFor(clientId), null, 2));
  zip.file('color.png', readFileSync(join(SOURCE, 'color.png')));
  zip.file('outline.png', readFileSync(join(SOURCE, 'outline.png')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// `npm run package:teams`: the zip for the TEAMS_CLIENT_ID configured in the environment.
if (process.argv[1]?.endsWith('package.js')) {
  const t = translator(isLocale(process.env.DELMAL_LOCALE) ? process.env.DELMAL_LOCALE : DEFAULT_LOCALE);
  try {
    const config = loadConfig(process.env, { serving: false });
    if (!config.teams) {
      console.error(t('teams.package.noClientId'));
      process.exitCode = 78;
    } else {
      const out = join(PACKAGE_ROOT, 'dist-manifest', 'delmal-teams.zip');
      mkdirSync(join(PACKAGE_ROOT, 'dist-manifest'), { recursive: true });
      writeFileSync(out, await buildTeamsPackage(config.teams.clientId));
      console.log(t('teams.package.written', { file: out }));
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 78;
  }
}
