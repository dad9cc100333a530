import type { Tone } from '../chat/reply.js';

/**
 * The outbox message that asks an owner about their due activities (type `checkin-prompt`):
 * neutral and self-contained, so it is rendered at send time in the reader's language without
 * reading the database, and re-rendered when the prompt is updated in place after an answer.
 * Registered with its zod schema and renderer in src/checkins/prompt-message-type.ts.
 */
export interface CheckInPromptMessage {
  readonly type: 'checkin-prompt';
  /** `prompt`: the round's DM; `reminder`: the one private reminder; `catch_up`: after an absence. */
  readonly kind: 'prompt' | 'reminder' | 'catch_up';
  /** `<schedule_id>:<slot>` (check_in_rounds.id). */
  readonly roundId: string;
  /** The local date after which an answer counts as late (shown to the owner). */
  readonly deadline: string;
  readonly activities: readonly PromptActivity[];
  /**
   * Set when the owner's prompt is longer than one message carries (see `prompt-parts.ts`): which
   * part this is, and where its activities sit among all of the prompt's, so each part says
   * "del 1 av 2 · aktivitet 1–7 av 13" and no count is ever only the part's.
   */
  readonly part?: PromptPart;
  /**
   * Whom the prompt is for (people.id, else the e-mail): at send time the round's answers are
   * filled in, and an answer by the reader reads "Du svarade".
   */
  readonly reader?: string;
}

/** Where one message of a prompt split over several sits. */
export interface PromptPart {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** 1-based position of this part's first activity among all of the prompt's. */
  readonly first: number;
  /** How many activities the whole prompt asks about. */
  readonly total: number;
}

/** One status button, in the vocabulary of the activity's own plan. */
export interface PromptStatus {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly tone: Tone;
}

export interface PromptActivity {
  readonly activityId: string;
  readonly name: string;
  /** Short context, e.g. `Delmål 5 · Örebro kommun`. */
  readonly context?: string;
  readonly statuses: readonly PromptStatus[];
  /** The status last reported before this round, if any. */
  readonly currentStatus?: string;
  /** When that status was reported (UTC ISO time). */
  readonly currentAt?: string;
  /** Set once the activity has been answered for this round: the prompt then shows it, without buttons. */
  readonly answer?: {
    readonly statusCode: string;
    readonly byName: string;
    /** True when the reader of this prompt gave the answer. */
    readonly byReader: boolean;
    /** UTC ISO time of the answer. */
    readonly at: string;
    readonly late: boolean;
  };
}

declare module '../delivery/outbox-message.js' {
  /** The outbox carries check-in prompts (registered in src/checkins/prompt-message-type.ts). */
  interface OutboxMessageKinds {
    'checkin-prompt': CheckInPromptMessage;
  }
}
