import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { fold } from '../../../src/search/text-processing.js';
import { ask, buttonCommands, visibleText } from '../../support/catalog.js';

const PETER = 'peter.nystrom@example.org';
const LENA = 'lena.ekstrom@example.org';
const KARIN = 'karin.holm@example.org';

// The names people type, each with its activity and one of its owners.
const NAMES = [
  { typed: 'experio', name: 'Experio Lab – Hälsolabb', owner: PETER },
  { typed: 'Experio Lab', name: 'Experio Lab – Hälsolabb', owner: PETER },
  { typed: 'GAP-analys', name: 'GAP-analys av beroendevård', owner: LENA },
  { typed: 'gap analys beroendevard', name: 'GAP-analys av beroendevård', owner: LENA },
  { typed: 'maria ungdom', name: 'Maria Ungdom i länsdelarna', owner: LENA },
  { typed: 'cosmic', name: 'Informationsutbyte mellan kommunerna och regionen via Cosmic', owner: PETER },
  { typed: 'experio-lab-halsolabb', name: 'Experio Lab – Hälsolabb', owner: PETER },
] as const;

describe('one way to name an activity in every command', () => {
  it.each(NAMES)('delmal aktivitet $typed opens $name', async ({ typed, name }) => {
    expect((await ask(`delmal aktivitet ${typed}`)).blocks[0]).toEqual({ type: 'heading', text: name });
  });

  it.each(NAMES)('delmal avstamning $typed gives its owner the check-in of $name', async (n) => {
    const reply = await ask(`delmal avstamning ${n.typed}`, { email: n.owner });
    expect(reply.summary).toBe(`Avstämning: ${n.name}`);
  });

  it.each(NAMES)('delmal ändra $typed offers to edit $name', async (n) => {
    const reply = await ask(`delmal ändra ${n.typed}`, { email: n.owner });
    expect(reply.summary).toContain(n.name);
    expect(reply.summary).not.toContain('hittar ingen');
  });

  it('records a check-in named in several words, with its status word and note', async () => {
    const reply = await ask('delmal rapportera maria ungdom risk Lokalen är inte klar.', { email: LENA });
    const text = visibleText(reply);
    expect(reply.summary).toMatch(/^Tack! Registrerat .* — Risk för avvikelse$/);
    expect(text).toContain('Maria Ungdom i länsdelarna');
    expect(text).toContain('Kommentar: Lokalen är inte klar.');
  });

  it('does not take a word of the name for a status ("av" in GAP-analys av beroendevård)', async () => {
    const reply = await ask('delmal avstamning GAP-analys av beroendevård', { email: LENA });
    expect(reply.summary).toBe('Avstämning: GAP-analys av beroendevård');
  });

  it('tells a non-owner it is not theirs, naming the activity it found', async () => {
    const reply = await ask('delmal avstamning maria ungdom', { email: PETER });
    expect(reply.summary).toContain('du står inte som ansvarig för Maria Ungdom i länsdelarna');
  });

  it('offers a pick list with buttons when several activities match, keeping the typed status and note', async () => {
    const reply = await ask('delmal rapportera liv halsa enligt Vi har startat.', { email: PETER });
    expect(reply.summary).toBe('Flera aktiviteter passar "liv halsa". Vilken menar du?');
    const text = visibleText(reply);
    expect(text).toContain('Liv & hälsa ung');
    expect(buttonCommands(reply)).toContain(
      'delmal avstamning liv-och-halsa-ung-elsa enligt Vi har startat.',
    );
    const list = reply.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => i.action?.label)).toEqual(['Välj', 'Välj']);
  });

  it('picks the asker’s own activity when only one of the close matches is theirs', async () => {
    const other = await ask('delmal avstamning familjecentraler', { email: PETER });
    expect(other.summary).toMatch(/Vilken menar du\?$/);
    const johan = await ask('delmal avstamning familjecentraler', { email: 'johan.berglund@example.org' });
    expect(johan.summary).toBe('Avstämning: Framtidens familjecentraler i Örebro kommun');
  });

  it('shows a pick-list button that opens the activity it names', async () => {
    const pick = await ask('delmal avstamning familjecentraler', { email: KARIN });
    const [first] = buttonCommands(pick);
    expect(first).toMatch(/^delmal avstamning \S+$/);
    expect((await ask(first ?? '', { email: KARIN })).summary).toMatch(/^Avstämning: /);
  });

  it('still says plainly when nothing matches', async () => {
    expect((await ask('delmal avstamning kvantdator', { email: PETER })).summary).toBe(
      'Jag hittar ingen aktivitet som heter "kvantdator". Prova delmal sök kvantdator för att söka i hela planen.',
    );
  });
});

describe('help names commands the way their examples do', () => {
  it('writes each command word in help exactly as its examples use it (ändra, hjälp)', async () => {
    const help = visibleText(await ask('delmal hjälp'));
    expect(help).toContain('delmal ändra ‹namn› [status] [kommentar]');
    expect(help).toContain('delmal hjälp');
    expect(help).not.toMatch(/delmal (andra|hjalp)\b/);
    for (const command of COMMANDS) {
      const word = command.word ?? command.words[0];
      if (!word) continue;
      expect(command.words).toContain(fold(word));
      // `rapportera` is another word for `avstamning`; `andra` is `ändra` written differently.
      const written = command.examples.map((e) => e.split(' ')[1] ?? '');
      for (const w of written.filter((w) => fold(w) === fold(word))) expect(w).toBe(word);
    }
  });

  it('no longer promises ids people never see', async () => {
    const help = visibleText(await ask('delmal hjälp'));
    expect(help).toContain('delmal aktivitet ‹namn›');
    expect(help).not.toMatch(/\bid\b/);
  });
});
