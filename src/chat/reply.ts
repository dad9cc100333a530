/**
 * The neutral reply model. Commands return a `Reply`; adapters render it as plain text (CLI),
 * Block Kit (Slack), Adaptive Cards 1.5 (Teams, and the local playground) or HTML. Nothing here
 * knows about a platform: limits (50 blocks, 3000-character sections …) are the renderers' job.
 *
 * Texts are plain text. The only markup is `*bold*` inside `text` blocks, which every renderer
 * can express; anything else a user typed is shown literally.
 */

import type { StatusBadge, Tone } from '../catalog/status-badge.js';

// A status's badge and tone are the domain's (src/catalog/status-badge.ts); replies carry them.
export type { StatusBadge, Tone };

/**
 * Something a user can press. A `command` action runs chat words as if the user had typed them
 * (e.g. `delmal aktivitet cross`), so every button also works as text in every platform.
 */
export type Action =
  | {
      readonly kind: 'command';
      readonly label: string;
      readonly command: string;
      readonly style?: 'primary';
      /** The answer replaces the message the button is on (a check-in confirms itself in place). */
      readonly refresh?: boolean;
    }
  | { readonly kind: 'url'; readonly label: string; readonly url: string };

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface ListItem {
  readonly title: string;
  /** One short line under the title, e.g. owner and last check-in. */
  readonly detail?: string;
  readonly status?: StatusBadge;
  /** What pressing the item does (usually: open it). */
  readonly action?: Action;
}

/** One input of a form: a text (what happened, next step) or a yes/no toggle ("behöver stöd"). */
type FormField =
  | {
      readonly kind: 'text';
      /** The key its value is submitted under (unique within the form). */
      readonly name: string;
      readonly label: string;
      readonly maxLength: number;
      readonly multiline?: boolean;
      readonly placeholder?: string;
      /** Pre-filled value (an edit shows what was written). */
      readonly value?: string;
    }
  | { readonly kind: 'toggle'; readonly name: string; readonly label: string; readonly value?: boolean };

/** A command button that submits the form's values with its command. */
interface FormSubmit {
  readonly label: string;
  readonly command: string;
  readonly style?: 'primary';
  /** The answer replaces the form (Teams: a Universal Action) — the confirmation, or the form again after a refusal. */
  readonly refresh?: boolean;
}

/**
 * A short form behind a button: optional text inputs and a toggle, submitted together with the
 * button pressed (one per status). Teams and the playground show the inputs in the card; Slack,
 * whose messages hold no inputs, shows a button that runs `open`, which brings the form up as a modal.
 */
export interface Form {
  /** The button that reveals the form ("Lägg till text"). */
  readonly label: string;
  /**
   * Shown with the form at once (not behind its button): the form is the whole point of the
   * reply, e.g. the check-in form asked for on its own or shown again after a refusal.
   */
  readonly expanded?: boolean;
  /** Why the last submission was refused, by field name: shown next to that field. */
  readonly errors?: Readonly<Record<string, string>>;
  /** The command that shows this form on its own (Slack opens it as a modal). */
  readonly open: string;
  readonly fields: readonly FormField[];
  readonly submits: readonly FormSubmit[];
}

/**
 * One thing to answer in one tap, e.g. an activity in a check-in prompt: what it is, where it sits,
 * what it showed last, its own answer buttons, and a fuller form one tap away. Renderers keep a
 * question whole and group its buttons with it, so a reader always sees which buttons answer what.
 */
export interface Question {
  readonly title: string;
  /** Where it sits, e.g. `Delmål 5 · Sårbara barns och ungas rättigheter`. */
  readonly detail?: string;
  /** The state shown beside the title (the last status, or the answer just recorded). */
  readonly status?: StatusBadge;
  /** One line under it, e.g. `Senast: Enligt plan (2 dec.)` or who answered and when. */
  readonly note?: string;
  /** The one-tap answers; empty once answered. */
  readonly answers: readonly Action[];
  /** The fuller form (text, next step, needs support) behind one button. */
  readonly form?: Form;
}

export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'fields'; readonly fields: readonly Field[] }
  | { readonly type: 'list'; readonly heading?: string; readonly items: readonly ListItem[] }
  | { readonly type: 'actions'; readonly actions: readonly Action[] }
  | { readonly type: 'context'; readonly text: string }
  /**
   * Long text one tap away: a show-card in Teams, <details> in HTML, a command button in Slack —
   * or, with `thread`, a pointer to the thread under the message where the sender posts it
   * (Slack; a channel digest's details).
   */
  | {
      readonly type: 'more';
      readonly label: string;
      readonly text: string;
      readonly command: string;
      readonly thread?: boolean;
    }
  | { readonly type: 'divider' }
  | ({ readonly type: 'form' } & Form)
  | ({ readonly type: 'question' } & Question);

/** Where a paged reply is; `previous`/`next` are command actions for the neighbouring pages. */
export interface Pagination {
  readonly page: number;
  readonly pages: number;
  readonly label: string;
  readonly previous?: Action;
  readonly next?: Action;
}

export interface Reply {
  /** One line that stands for the whole reply: notification text, screen-reader summary, fallback. */
  readonly summary: string;
  readonly blocks: readonly Block[];
  readonly pagination?: Pagination;
  /**
   * For the asker alone (a refusal): where the platform can show it to them only, it does — a
   * Slack button pressed on a message in a channel is refused ephemerally, never in the channel.
   */
  readonly privately?: true;
}

/** Splits `items` into pages of `size`; page numbers are 1-based and clamped to the valid range. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}
