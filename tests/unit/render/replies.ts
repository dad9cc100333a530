import type { Action, ListItem, Reply, Tone } from '../../../src/chat/reply.js';

/** Activities of one delmål, as a user would see them: status, owner and last check-in. */
const ACTIVITIES: readonly { slug: string; title: string; tone: Tone; status: string; owner: string }[] = [
  {
    slug: 'cross',
    title: 'Samverkan kring barn i riskzon (CROSS)',
    tone: 'green',
    status: 'Pågår',
    owner: 'Anna Lind',
  },
  {
    slug: 'sip',
    title: 'Samordnad individuell plan för unga',
    tone: 'yellow',
    status: 'Försenad',
    owner: 'Omar Said',
  },
  {
    slug: 'skolnarvaro',
    title: 'Främja skolnärvaro i Lekeberg',
    tone: 'red',
    status: 'Risk',
    owner: 'Eva Berg',
  },
  { slug: 'foraldrastod', title: 'Föräldrastöd i grupp', tone: 'green', status: 'Pågår', owner: 'Lars Ek' },
  { slug: 'barnahus', title: 'Barnahus Örebro län', tone: 'blue', status: 'Avslutad', owner: 'Maja Holm' },
  {
    slug: 'fritid',
    title: 'Meningsfull fritid för alla',
    tone: 'grey',
    status: 'Ej påbörjad',
    owner: 'Karin Ås',
  },
  {
    slug: 'psykisk-halsa',
    title: 'Psykisk hälsa i elevhälsan',
    tone: 'green',
    status: 'Pågår',
    owner: 'Nils Ahl',
  },
  {
    slug: 'ansvar',
    title: 'Tydligt ansvar mellan huvudmän',
    tone: 'yellow',
    status: 'Försenad',
    owner: 'Sara Nyström',
  },
  { slug: 'bup', title: 'Väg in till BUP', tone: 'green', status: 'Pågår', owner: 'Ali Karimi' },
  {
    slug: 'tidiga-insatser',
    title: 'Tidiga insatser i förskolan',
    tone: 'grey',
    status: 'Ej påbörjad',
    owner: 'Lena Ström',
  },
  {
    slug: 'familjecentral',
    title: 'Familjecentraler i alla kommuner',
    tone: 'green',
    status: 'Pågår',
    owner: 'Per Lund',
  },
  {
    slug: 'uppfoljning',
    title: 'Gemensam uppföljning & analys',
    tone: 'blue',
    status: 'Avslutad',
    owner: 'Ida Wik',
  },
];

/** The commands behind the buttons of {@link delmalReply}, so tests can compare what a button sends. */
export const DELMAL_ACTIONS: readonly Action[] = [
  { kind: 'command', label: 'Checka in', command: 'delmal checkin 2.1', style: 'primary' },
  { kind: 'command', label: 'Rapport', command: 'delmal rapport 2.1' },
  { kind: 'url', label: 'Visa i planen', url: 'https://www.regionorebrolan.se/handlingsplan#2.1' },
];

export const MALBILD =
  'År 2030 växer alla barn och unga i Örebro län upp under trygga förhållanden.\n\n' +
  'Det betyder att *alla aktörer* samverkar tidigt, att insatser ges samordnat och att barnets röst hörs.';

/** A realistic reply: one delmål with its twelve activities. */
export function delmalReply(): Reply {
  const items: ListItem[] = ACTIVITIES.map((activity, i) => ({
    title: activity.title,
    detail: `${activity.owner} · senaste avstämning ${i + 1} maj`,
    status: { label: activity.status, tone: activity.tone },
    action: { kind: 'command', label: 'Öppna', command: `delmal aktivitet ${activity.slug}` },
  }));
  return {
    summary: 'Delmål 2.1: 12 aktiviteter, 2 försenade, 1 med risk',
    blocks: [
      { type: 'heading', text: 'Delmål 2.1 – Barn och unga ska ha en trygg uppväxt' },
      { type: 'text', text: 'Två aktiviteter är *försenade* och en har markerats med risk.' },
      {
        type: 'fields',
        fields: [
          { label: 'Ansvarig', value: 'Länsgruppen Barn och unga' },
          { label: 'Aktiviteter', value: '12' },
          { label: 'Senast uppdaterad', value: '12 maj 2026' },
        ],
      },
      { type: 'list', heading: 'Aktiviteter', items },
      { type: 'divider' },
      { type: 'more', label: 'Läs hela målbilden', text: MALBILD, command: 'delmal malbild 2.1' },
      { type: 'actions', actions: DELMAL_ACTIONS },
      { type: 'context', text: 'Källa: Handlingsplan Social välfärd 2024–2030' },
    ],
  };
}

/** A long paragraph-structured text of about `length` characters, with no markup. */
function longText(length: number): string {
  const sentence =
    'Kommunerna och regionen följer upp arbetet varje kvartal och rapporterar till länsgruppen. ';
  const paragraphs: string[] = [];
  let total = 0;
  for (let p = 0; total < length; p++) {
    const paragraph = `Avsnitt ${p + 1}. ${sentence.repeat(4).trim()}`;
    paragraphs.push(paragraph);
    total += paragraph.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, length).trimEnd();
}

export const BIG_TEXT = longText(10_000);
export const NEXT_PAGE = 'delmal aktiviteter --sida 3';
export const PREVIOUS_PAGE = 'delmal aktiviteter --sida 1';

/** Far too much for one message: a 10,000-character text and 80 activities, with paging and buttons. */
export function bigReply(): Reply {
  const items: ListItem[] = Array.from({ length: 80 }, (_, i) => ({
    title: `Aktivitet ${i + 1}: ${ACTIVITIES[i % ACTIVITIES.length]?.title ?? ''}`,
    detail: `Ansvarig ${ACTIVITIES[i % ACTIVITIES.length]?.owner ?? ''} · senaste avstämning för ${i + 2} dagar sedan`,
    status: { label: 'Pågår', tone: 'green' },
    action: { kind: 'command', label: 'Öppna', command: `delmal aktivitet a${i + 1}` },
  }));
  return {
    summary: 'Alla aktiviteter, sida 2 av 4',
    blocks: [
      { type: 'heading', text: 'Alla aktiviteter' },
      { type: 'text', text: BIG_TEXT },
      { type: 'list', heading: 'Aktiviteter', items },
      {
        type: 'actions',
        actions: [{ kind: 'command', label: 'Exportera', command: 'delmal export aktiviteter' }],
      },
    ],
    pagination: {
      page: 2,
      pages: 4,
      label: 'Sida 2 av 4',
      previous: { kind: 'command', label: 'Föregående', command: PREVIOUS_PAGE },
      next: { kind: 'command', label: 'Nästa', command: NEXT_PAGE },
    },
  };
}

/** How many list items a user can see in `bigReply` once rendered, given their commands. */
export function shownItems(commands: readonly string[]): number {
  return commands.filter((command) => /^delmal aktivitet a\d+$/.test(command)).length;
}
