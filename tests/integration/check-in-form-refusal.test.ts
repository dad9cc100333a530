import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { FakeConnector } from '../fakes/fake-connector.js';
import { cardProblems, textBlockTexts } from '../support/adaptive-cards.js';
import { shippedCatalog } from '../support/catalog.js';
import { describeEachDialect } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { postActivity, teamsCardAction } from '../support/teams.js';

const connector = new FakeConnector();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

const OWNER = { id: '29:owner-1', aadObjectId: '00000000-0000-0000-0000-0000000000c3' };
const owner = shippedCatalog.activities.find((a) => a.id === 'cross')?.owners[0] ?? '';
/** Skatteverket's published test personnummer: a valid checksum, nobody's number. */
const NOTE_WITH_NUMBER = 'Ringde 19121212-1212 om lokalen.';

type Node = Record<string, unknown>;
/** Every element of a card, depth first. */
const walk = (node: unknown): Node[] =>
  Array.isArray(node)
    ? node.flatMap(walk)
    : node && typeof node === 'object'
      ? [node as Node, ...Object.values(node).flatMap(walk)]
      : [];

describeEachDialect('the check-in form in Teams', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    connector.calls.length = 0;
    connector.members.set('29:owner-1', { name: 'Ägare', email: owner });
    server = await startTestServer({}, dialect, systemClock, { teamsServiceUrls: [connector.serviceUrl] });
  });
  afterEach(() => server.stop());

  /** Presses a status button of the form (a Universal Action), with what the inputs hold. */
  const press = async (status: string, inputs: Record<string, string>) => {
    const response = await postActivity(
      server.base,
      teamsCardAction(
        { command: `delmal avstamning cross ${status}`, form: 'f0', ...inputs },
        { serviceUrl: connector.serviceUrl, conversationId: 'a:owner', from: OWNER },
      ),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: object }).value;
  };
  const stored = () =>
    server.app.db.kysely.selectFrom('check_ins').select(['status_code', 'note', 'next_step']).execute();

  it('keeps the typed text after a personnummer refusal, says what to change next to it, and saves it with the status pressed next', async () => {
    const refused = await press('at_risk', { 'f0.note': NOTE_WITH_NUMBER, 'f0.nextStep': 'Boka möte' });
    expect(cardProblems(refused)).toEqual([]);
    const elements = walk(refused);
    // The form again, with what was typed, and the reason right under the note.
    const note = elements.findIndex((e) => e.type === 'Input.Text' && String(e.id).endsWith('.note'));
    expect(elements[note]?.value).toBe(NOTE_WITH_NUMBER);
    expect(elements.find((e) => e.type === 'Input.Text' && String(e.id).endsWith('.nextStep'))?.value).toBe(
      'Boka möte',
    );
    const after = elements.slice(note + 1).find((e) => e.type === 'TextBlock');
    expect(after).toMatchObject({ color: 'attention' });
    expect(String(after?.text)).toContain('personnummer');
    expect(textBlockTexts(refused).join(' ')).toContain('Ingenting har sparats');
    // The status pressed is marked, and every status can still be pressed.
    const statuses = elements.filter((e) => e.type === 'Action.Execute');
    expect(statuses.map((e) => (e.data as { command: string }).command)).toContain(
      'delmal avstamning cross blocked',
    );
    expect(await stored()).toEqual([]);

    // The number taken out, another status pressed: the note goes with it.
    await press('blocked', { 'f0.note': 'Ringde om lokalen.', 'f0.nextStep': 'Boka möte' });
    expect(await stored()).toEqual([
      { status_code: 'blocked', note: 'Ringde om lokalen.', next_step: 'Boka möte' },
    ]);
  });
});
