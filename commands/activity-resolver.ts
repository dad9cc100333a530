import type { Activity, StatusDefinition } from '../db/model/catalog-schema.js';
import type { CommandContext } from '../src/asking/command.js';
import { DEFAULT_STATUSES } from '../src/catalog/status.js';
import type { Reply } from '../src/chat/reply.js';
import type { CatalogSnapshot } from '../src/search/catalog-store.js';
import { fold } from '../src/search/text-processing.js';

/** Most activities a pick list offers. */
const PICK_LIST = 8;
/** A hit this many times stronger than the next one is what the asker meant. */
const CLEAR_WINNER = 2;
/** Hits weaker than the best one by more than this factor are not worth offering. */
const WORTH_OFFERING = 4;

/** What a name typed in chat means: one activity, several to choose from, or none. */
export type ActivityMatch =
  | { readonly kind: 'one'; readonly activity: Activity }
  | { readonly kind: 'many'; readonly activities: readonly Activity[] }
  | { readonly kind: 'none' };

/**
 * The one way every command names an activity (`aktivitet`, `avstamning`, `rapportera`, `ändra`):
 * its id or whole name first, then the catalog's search index — title words, acronyms, text typed
 * without å/ä/ö, word beginnings and OCR-like spellings, exactly as `delmal sök` finds them. One clear
 * winner is the activity; several close ones are a pick list. `prefer` (e.g. "owned by the asker")
 * breaks a tie when exactly one of the close hits satisfies it.
 */
export function resolveActivity(
  catalog: CatalogSnapshot,
  query: string,
  prefer?: (activity: Activity) => boolean,
): ActivityMatch {
  const { view, search } = catalog;
  const trimmed = query.trim();
  if (trimmed === '') return { kind: 'none' };
  const exact =
    view.activities.get(trimmed.toLowerCase()) ??
    [...view.activities.values()].find((a) => fold(a.name) === fold(trimmed));
  if (exact) return { kind: 'one', activity: exact };
  const hits = search.search(trimmed, { kinds: ['activity'], limit: PICK_LIST });
  const best = hits[0];
  if (!best) return { kind: 'none' };
  const close = hits.filter((hit) => hit.score * WORTH_OFFERING >= best.score);
  const activities = close.map((hit) => view.activities.get(hit.refId)).filter((a) => a !== undefined);
  const [first, second] = activities;
  if (!first) return { kind: 'none' };
  if (!second || best.score > CLEAR_WINNER * (hits[1]?.score ?? 0)) return { kind: 'one', activity: first };
  const preferred = prefer ? activities.filter(prefer) : [];
  if (preferred.length === 1 && preferred[0]) return { kind: 'one', activity: preferred[0] };
  return { kind: 'many', activities };
}

/**
 * The answer when several activities match: each with where it belongs and a button that runs
 * `command` for that activity (`delmal <verb> <id>` plus whatever followed the name).
 */
export function pickListReply(
  ctx: CommandContext,
  query: string,
  activities: readonly Activity[],
  command: (activity: Activity) => string,
): Reply {
  const { view } = ctx.catalog;
  const text = ctx.t('activity.pick', { query });
  return {
    summary: text,
    blocks: [
      { type: 'text', text },
      {
        type: 'list',
        items: activities.map((a) => ({
          title: a.name,
          detail: a.focusAreas.map((id) => view.focusAreas.get(id)?.area.title ?? id).join(' · '),
          action: { kind: 'command' as const, label: ctx.t('activity.choose'), command: command(a) },
        })),
      },
    ],
  };
}

/** The answer when nothing matches, pointing to the search. */
export function noMatchReply(ctx: CommandContext, query: string): Reply {
  const text = ctx.t('activity.noMatch', { query });
  return { summary: text, blocks: [{ type: 'text', text }] };
}

/** An activity name followed by an optional status word and a note, as typed after `avstamning`. */
export interface NamedCheckIn {
  readonly query: string;
  readonly status?: string;
  readonly note: string;
}

/**
 * Splits `maria ungdom enligt Vi har börjat` into the name, the status word and the note: the
 * first word after the name that is a status word (its code, a label's first word, or a label's
 * beginning of three letters or more — so "av" in "GAP-analys av beroendevård" is not Avslutad)
 * and whose preceding words name an activity. Without one, the whole text is the name.
 */
export function splitNamedCheckIn(catalog: CatalogSnapshot, text: string): NamedCheckIn {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const statuses = [...catalog.view.catalog.plans.flatMap((p) => p.statuses), ...DEFAULT_STATUSES];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!isStatusWord(statuses, word)) continue;
    const query = words.slice(0, i).join(' ');
    if (resolveActivity(catalog, query).kind !== 'none')
      return { query, status: word, note: words.slice(i + 1).join(' ') };
  }
  return { query: words.join(' '), note: '' };
}

function isStatusWord(statuses: readonly StatusDefinition[], word: string): boolean {
  const w = fold(word);
  return statuses.some((s) => {
    const labels = [fold(s.label), fold(s.labelEn)];
    return (
      s.code === w ||
      labels.some((label) => label.split(/[\s/]+/)[0] === w) ||
      (w.length >= 3 && labels.some((label) => label.startsWith(w)))
    );
  });
}
