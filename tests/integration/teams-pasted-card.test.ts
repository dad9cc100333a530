import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnector } from '../fakes/fake-connector.js';
import { textBlockTexts } from '../support/adaptive-cards.js';
import type { TestServer } from '../support/server.js';
import { postActivity, startTeamsTestServer, teamsMessage } from '../support/teams.js';

const connector = new FakeConnector();
let server: TestServer;

beforeAll(async () => {
  server = await startTeamsTestServer(connector);
});
afterAll(() => server?.stop());
beforeEach(() => {
  connector.calls.length = 0;
});

/** The card the message extension offers for `query` (its first result), as Teams inserts it. */
async function extensionCard(query: string): Promise<object> {
  const response = await postActivity(server.base, {
    ...teamsMessage('', { serviceUrl: connector.serviceUrl }),
    type: 'invoke',
    name: 'composeExtension/query',
    value: { commandId: 'searchPlan', parameters: [{ name: 'query', value: query }] },
  });
  const body = (await response.json()) as { composeExtension: { attachments: { content: object }[] } };
  const [first] = body.composeExtension.attachments;
  if (!first) throw new Error(`no result for ${query}`);
  return first.content;
}

/** What delmal answers when that card is sent into its chat: Teams' HTML placeholder plus the card. */
async function answerToPasted(card: object | undefined): Promise<string[]> {
  await postActivity(server.base, {
    ...teamsMessage('<span class="inline-compose-card" contenteditable="false"> </span>', {
      serviceUrl: connector.serviceUrl,
    }),
    attachments: card ? [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] : [],
  });
  const [call] = await connector.waitFor();
  const attachments = (call?.body.attachments as { content: object }[] | undefined) ?? [];
  return textBlockTexts(attachments[0]?.content ?? {});
}

describe('a message-extension card pasted into the chat with delmal', () => {
  it('is answered about the activity it shows, not searched as text', async () => {
    const texts = await answerToPasted(await extensionCard('CHERRIES'));
    expect(texts[0]).toBe('CHERRIES');
    expect(texts.join('\n')).not.toMatch(/Träffar för|träffar för/);
  });

  it('is answered about the delmål it shows', async () => {
    const texts = await answerToPasted(await extensionCard('meningsfull fritid'));
    expect(texts).toContain('Delmål 2: Ökade möjligheter till meningsfull fritid och social samvaro');
  });

  it('gets a friendly note when the card cannot be read', async () => {
    const texts = await answerToPasted(undefined);
    expect(texts.join('\n')).toContain('Det där är ett kort från delmal.');
  });
});
