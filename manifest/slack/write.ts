import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { slackManifestFiles } from './files.js';

// Writes manifest/slack/*.yaml from manifest.ts: `npm run manifest:slack`.
for (const [name, text] of Object.entries(slackManifestFiles(stringify)))
  writeFileSync(join(PACKAGE_ROOT, 'manifest', 'slack', name), text);
