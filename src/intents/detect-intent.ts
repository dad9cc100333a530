import { DEFAULT_STATUSES } from '../catalog/status.js';
import { fold } from '../search/text-processing.js';
import { mentionsStatus } from './status-words.js';

/**
 * What a question asks for, read from its words alone (the answer is then computed from live data):
 * who owns or runs something, how something is going, which activities have a status, what changed
 * since a date, which activities work at an insatsnivå or for a group.
 */
export type Intent =
  | { readonly kind: 'owner'; readonly subject: string }
  | { readonly kind: 'progress'; readonly subject: string }
  | { readonly kind: 'status' }
  | { readonly kind: 'changes'; readonly since: string }
  | { readonly kind: 'level'; readonly keywords: readonly string[] }
  | { readonly kind: 'group'; readonly group: string };

const clean = (text: string) =>
  fold(text)
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// "vem äger …", "vem ansvarar för …", "vilka jobbar med …", "vem kan jag prata med om …", "who runs …"
const OWNER =
  /^(?:vem|vilka|vilken|who)(?: (?:ar det )?som)? (?:ager|ansvarar|ar ansvarig|ar ansvariga|driver|leder|haller i|jobbar|arbetar|kan jag (?:prata|tala|fraga|kontakta|vanda mig)|ska jag (?:prata|kontakta|vanda mig)|kontaktar jag|owns|runs|leads|works|is working|is responsible)(?: (?:med|for|om|pa|kring|mot|till|i|on|with|for|about))* (.+)$/;
// "hur går det för …", "hur går arbetet med …", "hur ligger … till", "status för …", "how is … going"
const PROGRESS = [
  /^hur (?:gar|gick|ligger) (?:det|arbetet|vi|man|jobbet)?(?: (?:till|for|med|mot|kring|i|pa))* (.+?)(?: till)?$/,
  /^(?:status|lage|lagesbild|lagesrapport) (?:for|pa|i|kring|om) (.+)$/,
  /^how (?:is|are|goes) (.+?)(?: going| doing)?$/,
];
// "vad har ändrats sedan …", "vad är nytt sedan …", "ändringar sedan …", "what changed since …"
const CHANGES =
  /^(?:vad|vilka)?(?: (?:har|ar|hande|hant))? ?(?:andrats|andrat|andringar|nytt|nyheter|hant|hander|uppdaterats|uppdateringar|rapporterats|what changed|what has changed|changes|what is new)(?: (?:har|ar|hant))? (?:sedan|sen|fran|efter|since) (.+)$/;
// Words that carry the question, not its subject, in status, level and group questions.
const LIST_WORDS =
  /^(?:vilka|vilken|visa|lista|vad|finns|det|ar|som|har|med|status|aktiviteter|aktivitet|insatser|just|nu|alla|pa|nivan|niva|arbete|gors|gor|man|which|show|list|are|is|with|activities|at|level|now)$/;
const LEVEL_WORDS = [
  'halsoframjande',
  'framjande',
  'forebyggande',
  'universell',
  'universella',
  'selektiv',
  'selektiva',
  'indikerad',
  'indikerade',
  'behandlande',
  'rehabiliterande',
  'habiliterande',
];
// "vad finns för unga?", "aktiviteter för äldre", "vilka insatser finns för nyanlända"
const GROUP =
  /^(?:vad finns|vad gors|vad gor ni|vilka aktiviteter (?:finns|gors|riktar sig)|vilka insatser (?:finns|gors)|aktiviteter|insatser|activities) (?:det )?(?:for|till|riktade till|som riktar sig till|for) (.+)$/;

/** Reads the intent of a question, or undefined for a plain search. Subjects keep the asker's spelling. */
export function detectIntent(text: string): Intent | undefined {
  const found = detectFolded(text);
  if (found?.kind === 'owner' || found?.kind === 'progress')
    return { ...found, subject: asTyped(text, found.subject) };
  if (found?.kind === 'group') return { ...found, group: asTyped(text, found.group) };
  return found;
}

/** The words of `text` whose folded form is `folded` ("aldre" → "äldre"), or `folded` itself. */
function asTyped(text: string, folded: string): string {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const size = folded.split(' ').length;
  for (let i = 0; i + size <= words.length; i++) {
    const window = words.slice(i, i + size);
    if (clean(window.join(' ')) === folded) return window.join(' ');
  }
  return folded;
}

function detectFolded(text: string): Intent | undefined {
  const t = clean(text);
  if (t === '') return undefined;
  const changes = CHANGES.exec(t);
  if (changes?.[1]) return { kind: 'changes', since: changes[1] };
  for (const pattern of PROGRESS) {
    const subject = pattern.exec(t)?.[1];
    if (subject) return { kind: 'progress', subject: stripWorkWord(subject) };
  }
  const owner = OWNER.exec(t)?.[1];
  if (owner) return { kind: 'owner', subject: stripWorkWord(owner) };
  const tokens = t.split(' ');
  const levels = tokens.filter((w) => LEVEL_WORDS.includes(w));
  if (levels.length > 0 && tokens.every((w) => LEVEL_WORDS.includes(w) || LIST_WORDS.test(w)))
    return { kind: 'level', keywords: levels };
  const group = GROUP.exec(t)?.[1];
  if (group) return { kind: 'group', group };
  // A status question names a status and otherwise only question words: "vilka är pausade?".
  const rest = tokens.filter((w) => !LIST_WORDS.test(w));
  if (rest.length < tokens.length && mentionsStatus(t, DEFAULT_STATUSES) && rest.length <= 3)
    return { kind: 'status' };
  return undefined;
}

// "arbetet mot barnfattigdom" → "barnfattigdom": the work is implied by the question.
function stripWorkWord(subject: string): string {
  return subject
    .replace(
      /^(?:arbetet|jobbet|projektet|insatsen|aktiviteten|satsningen)(?: (?:med|mot|kring|for|om))? /,
      '',
    )
    .trim();
}
