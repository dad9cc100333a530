import type { StatusDefinition } from '../../db/model/catalog-schema.js';
import { fold } from '../search/text-processing.js';

/** A status people ask about: a vocabulary code, or `ongoing` for work running without a verdict. */
export type AskedStatus = { readonly code: string } | { readonly code: 'ongoing' };

// Everyday words for the default vocabulary's codes (folded). The plan's own labels are matched too,
// so a plan with its own vocabulary is understood by its labels.
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  paused: ['pausad', 'pausade', 'pausat', 'pausats', 'paus', 'vilande', 'vilar', 'paused', 'on hold'],
  blocked: [
    'hinder',
    'hindrad',
    'hindrade',
    'blockerad',
    'blockerade',
    'avvikelse',
    'avvikelser',
    'stopp',
    'roda',
    'rod',
    'blocked',
    'stuck',
  ],
  at_risk: [
    'risk',
    'risker',
    'forsenad',
    'forsenade',
    'ligger efter',
    'gula',
    'gul',
    'at risk',
    'delayed',
    'late',
  ],
  finished: [
    'avslutad',
    'avslutade',
    'avslutat',
    'avslutats',
    'klar',
    'klara',
    'fardig',
    'fardiga',
    'genomford',
    'genomforda',
    'slutford',
    'slutforda',
    'finished',
    'done',
    'completed',
  ],
  not_started: [
    'ej paborjad',
    'ej paborjade',
    'inte paborjad',
    'inte paborjade',
    'inte startat',
    'inte startade',
    'ej startade',
    'planerad',
    'planerade',
    'planeras',
    'not started',
    'planned',
  ],
  on_track: ['enligt plan', 'gar bra', 'grona', 'gron', 'on track'],
  ongoing: ['pagar', 'pagaende', 'igang', 'ongoing', 'running'],
};

const words = (text: string) =>
  ` ${fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * The status a question names ("vilka är pausade?", "visa hinder"), looked up in the plan's
 * vocabulary labels first, then in everyday synonyms. Longer phrases win ("risk för avvikelse"
 * is at risk, not blocked).
 */
export function statusNamedIn(
  text: string,
  vocabulary: readonly StatusDefinition[],
): AskedStatus | undefined {
  const haystack = words(text);
  const candidates: { code: string; phrase: string }[] = [];
  for (const status of vocabulary)
    for (const label of [status.label, status.labelEn])
      candidates.push({ code: status.code, phrase: words(label).trim() });
  for (const [code, list] of Object.entries(SYNONYMS))
    for (const phrase of list) candidates.push({ code, phrase });
  const found = candidates
    .filter((c) => c.phrase !== '' && haystack.includes(` ${c.phrase} `))
    .sort((a, b) => b.phrase.length - a.phrase.length)[0];
  if (!found) return undefined;
  if (found.code === 'ongoing') return { code: 'ongoing' };
  return vocabulary.some((s) => s.code === found.code) ? { code: found.code } : undefined;
}

/** True when the text names any status word at all (vocabulary-independent, for detection). */
export function mentionsStatus(text: string, vocabulary: readonly StatusDefinition[]): boolean {
  return statusNamedIn(text, vocabulary) !== undefined;
}
