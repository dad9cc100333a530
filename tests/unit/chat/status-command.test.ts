import { beforeEach, describe, expect, it } from 'vitest';
import { checkSlackLimits, renderSlackMessage } from '../../../adapters/slack/render-blocks.js';
import { homeReply } from '../../../commands/home.js';
import { COMMANDS } from '../../../commands/index.js';
import type { Asker } from '../../../src/asking/command.js';
import { type ChatDeps, handleMessage } from '../../../src/asking/handle-message.js';
import { localInbound } from '../../../src/chat/inbound-schema.js';
import type { CheckInService } from '../../../src/checkins/check-in-service.js';
import { fixedClock } from '../../../src/clock.js';
import { translator } from '../../../src/i18n/i18n.js';
import { createLogger } from '../../../src/logger.js';
import type { CatalogStore } from '../../../src/search/catalog-store.js';
import { buttonCommands, memoryCheckIns, snapshotOf, visibleText } from '../../support/catalog.js';

const snapshot = snapshotOf();
const owner = (activity: string) => snapshot.view.activities.get(activity)?.owners[0] ?? '';

describe('delmal status', () => {
  let checkIns: CheckInService;
  let deps: ChatDeps;
  const say = (text: string, asker: Partial<Asker> = {}) =>
    handleMessage(deps, localInbound(text, asker), { locale: 'sv', ...asker });
  const checkIn = async (activityId: string, statusCode: string) => {
    const result = await checkIns.record(
      snapshot.view,
      { email: owner(activityId) },
      { activityId, statusCode },
      'slack',
    );
    expect(result.ok).toBe(true);
  };

  beforeEach(async () => {
    checkIns = memoryCheckIns();
    deps = {
      store: { get: async () => snapshot } as unknown as CatalogStore,
      checkIns,
      commands: COMMANDS,
      home: homeReply,
      clock: fixedClock('2026-11-22T08:00:00Z'),
      logger: createLogger('silent'),
      timezone: 'Europe/Stockholm',
    };
    // Delmål 2 has CROSS and CHERRIES; Första kontakten serves delmål 5.
    await checkIn('cross', 'at_risk');
    await checkIn('cherries', 'finished');
    await checkIn('forsta-kontakten', 'blocked');
  });

  it('rolls every delmål and common insatsområde up as its weakest active activity, with counts', async () => {
    const reply = await say('delmal status');
    const text = visibleText(reply);
    expect(reply.summary).toBe('Samlad status för 8 delmål i Handlingsplan Social välfärd');
    expect(text).toMatch(/Delmål 2: [^|]+ \| Risk för avvikelse \| 1 Risk för avvikelse · 1 Avslutad\n/);
    expect(text).toMatch(/Delmål 5: [^|]+ \| Hinder \/ avvikelse \| 1 Hinder \/ avvikelse/);
    expect(text).toMatch(
      /2\. Psykisk hälsa \| Hinder \/ avvikelse \| 1 Hinder \/ avvikelse · 1 Risk för avvikelse/,
    );
    expect(text).toMatch(/8\. Kompetensförsörjning \| Ingen avstämning än \|/);
    expect(buttonCommands(reply)).toEqual(
      expect.arrayContaining(['delmal status 2', 'delmal status psykisk-halsa']),
    );
  });

  it('shows one delmål: roll-up, counts per status and the activities that need attention first', async () => {
    const reply = await say('delmal status 2');
    const text = visibleText(reply);
    expect(reply.summary).toMatch(/^Status för Delmål 2: .+: Risk för avvikelse$/);
    expect(text).toContain('Samlad status: Risk för avvikelse');
    expect(text).toMatch(/Antal per status: 1 Risk för avvikelse · 1 Avslutad\n/);
    expect(text).toMatch(/Behöver uppmärksamhet\nCROSS \| Risk för avvikelse/);
    // A finished activity does not drag a roll-up down, nor does it need attention.
    expect(text).not.toMatch(/CHERRIES \| Avslutad/);
  });

  it('finds an insatsområde by name typed without diacritics', async () => {
    const reply = await say('delmal status psykisk halsa');
    expect(reply.summary).toBe('Status för insatsområde Psykisk hälsa: Hinder / avvikelse');
    expect(visibleText(reply)).toMatch(
      /Behöver uppmärksamhet\nFörsta kontakten \| Hinder \/ avvikelse \| .+\nCROSS \| Risk/,
    );
  });

  it('offers a choice when several insatsområden match, and the overview when none does', async () => {
    const several = await say('delmal status sarbara');
    expect(several.summary).toBe('Flera insatsområden matchar "sarbara". Välj ett:');
    expect(buttonCommands(several).length).toBeGreaterThan(1);
    const none = await say('delmal status trafiksakerhet');
    expect(none.summary).toBe(
      'Jag hittar inget delmål eller insatsområde som matchar "trafiksakerhet". Skriv ett delmålsnummer eller namnet på ett insatsområde:',
    );
    expect(visibleText(none)).toContain('Delmål 8:');
  });

  it('speaks English to an English reader', async () => {
    const reply = await say('delmal status 2', { locale: 'en' });
    expect(visibleText(reply)).toContain('Overall status: At risk');
  });

  it('renders in Slack within its limits, the roll-up and counts visible', async () => {
    for (const text of ['delmal status', 'delmal status 2', 'delmal status psykisk halsa']) {
      const message = renderSlackMessage(await say(text), translator('sv'));
      expect(checkSlackLimits(message)).toEqual([]);
      expect(JSON.stringify(message.blocks)).toContain('Risk för avvikelse');
    }
  });
});
