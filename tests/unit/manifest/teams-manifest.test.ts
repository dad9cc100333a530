import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { buildTeamsPackage, teamsManifestFor } from '../../../manifest/teams/package.js';
import { pngHeader } from '../../../manifest/teams/png.js';
import { PACKAGE_ROOT } from '../../../src/paths.js';

const CLIENT_ID = '6f1a3f4e-2d7b-4a61-9a55-2b9c2f3d4e5f';
const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest') as {
  AppManifestUtils: { validateAgainstSchema(manifest: object, schema: object): Promise<string[]> };
};
/** The official schema, bundled in @microsoft/app-manifest: validation never goes online. */
const schema = (version: string) =>
  JSON.parse(
    readFileSync(
      join(
        PACKAGE_ROOT,
        'node_modules',
        '@microsoft',
        'app-manifest',
        'build',
        'json-schemas',
        'teams',
        `v${version}`,
        'MicrosoftTeams.schema.json',
      ),
      'utf8',
    ),
  ) as object;

describe('the Teams app package', () => {
  const manifest = teamsManifestFor(CLIENT_ID) as {
    manifestVersion: string;
    id: string;
    bots: {
      botId: string;
      commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
    }[];
    composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
  };

  it('validates offline against the official schema of its manifest version', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema(manifest.manifestVersion))).toEqual(
      [],
    );
  });

  it('carries the bot id from the configuration everywhere Teams needs it', () => {
    expect([manifest.id, manifest.bots[0]?.botId, manifest.composeExtensions[0]?.botId]).toEqual([
      CLIENT_ID,
      CLIENT_ID,
      CLIENT_ID,
    ]);
  });

  it("lists every chat command the code handles, and only those, within Teams' 10 per list", () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    // Questions in free words ("hur går det för delmål 7?") have no command word to list.
    const handled = COMMANDS.filter((c) => c.name !== 'intent').map((c) =>
      c.name === 'list' ? 'delmal' : c.name === 'goal' ? 'delmal 5' : `delmal ${c.word ?? c.words[0]}`,
    );
    const listed = new Set(lists.flatMap((list) => list.commands.map((c) => c.title)));
    expect([...listed].sort()).toEqual([...handled].sort());
    // One list per scope: what an owner does in a 1:1 chat, what a network asks in a channel.
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
    expect(lists[1]?.commands.map((c) => c.title)).not.toContain('delmal avstamning');
  });

  it('declares the message extension the bot answers (composeExtension/query, searchPlan)', () => {
    expect(manifest.composeExtensions[0]?.commands).toEqual([
      expect.objectContaining({ id: 'searchPlan', type: 'query' }),
    ]);
  });

  it('zips manifest.json with a 192×192 colour icon and a 32×32 transparent outline icon', async () => {
    const zip = await JSZip.loadAsync(await buildTeamsPackage(CLIENT_ID));
    const file = (name: string) => {
      const entry = zip.file(name);
      if (!entry) throw new Error(`${name} is missing from the package`);
      return entry;
    };
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const colour = pngHeader(await file('color.png').async('nodebuffer'));
    const outline = pngHeader(await file('outline.png').async('nodebuffer'));
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    expect(JSON.parse(await file('manifest.json').async('string')).id).toBe(CLIENT_ID);
  });
});
