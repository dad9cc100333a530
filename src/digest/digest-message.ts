import type { Tone } from '../chat/reply.js';

/**
 * A network's digest as the outbox stores it (type `digest`): neutral and self-contained, so it is
 * rendered at send time in the reader's language (src/digest/render-digest.ts) without reading the
 * database. Built by src/digest/compose-digest.ts; registered in src/digest/digest-message-type.ts.
 */
export interface DigestMessage {
  readonly type: 'digest';
  readonly networkId: string;
  readonly networkName: string;
  /** `weekly`: the Monday digest in the channel; `preview`: what a chair asked to see ahead. */
  readonly kind: 'weekly' | 'preview';
  /** The period covered: from the previous digest up to this one (UTC ISO). */
  readonly periodFrom: string;
  readonly periodTo: string;
  /** IANA time zone the dates are shown in. */
  readonly timeZone: string;
  /** The plan's status vocabulary, both languages: codes below are looked up here. */
  readonly statuses: readonly DigestStatus[];
  readonly counts: DigestCounts;
  /** Exceptions, worst first: one entry per activity with every reason it needs attention. */
  readonly exceptions: readonly DigestException[];
  /** Per delmål or insatsområde the network follows: its roll-up and the period's updates. */
  readonly sections: readonly DigestSection[];
  /** Check-in rounds in the week after the digest. */
  readonly dueNextWeek: readonly DigestDue[];
}

/** A weekly digest's details (every exception and update), posted in the digest's thread (Slack). */
export type DigestDetailsMessage = Omit<DigestMessage, 'type'> & { readonly type: 'digest-details' };

interface DigestStatus {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
  readonly tone: Tone;
}

interface DigestCounts {
  /** Activities followed and still running (not paused or finished). */
  readonly expected: number;
  /** Of those, how many have reported in the period. */
  readonly reported: number;
  readonly blocked: number;
  readonly atRisk: number;
  /** Activities past a round's deadline without an answer. */
  readonly missing: number;
}

export type ExceptionReason =
  | { readonly kind: 'blocked' | 'at_risk'; readonly note?: string; readonly author?: string }
  | { readonly kind: 'changed'; readonly from: string; readonly to: string }
  | { readonly kind: 'needs_support'; readonly note?: string; readonly author: string }
  | { readonly kind: 'overdue'; readonly deadline: string };

export interface DigestException {
  readonly activityId: string;
  readonly name: string;
  /** Owner names, for "saknar rapport" and for whom to call. */
  readonly owners: readonly string[];
  /** The status now (a vocabulary code), when it has one from a check-in. */
  readonly statusCode?: string;
  readonly reasons: readonly ExceptionReason[];
}

export interface DigestSection {
  readonly kind: 'goal' | 'focusArea';
  readonly id: string;
  /** Delmål number, when it is one. */
  readonly number?: number;
  readonly title: string;
  /** True for one of the follow-up report's common insatsområden (not a plan's own). */
  readonly followUp?: boolean;
  /** The weakest active activity's status code; absent when no activity is running and reported. */
  readonly rollUp?: string;
  readonly activities: number;
  /**
   * Of its activities, those expected to report (not paused or finished) and those that did in the
   * period — counted as the digest's header counts, so the two never disagree. Absent in digests
   * stored before they were added.
   */
  readonly expected?: number;
  readonly reported?: number;
  readonly updates: readonly DigestUpdate[];
}

export interface DigestUpdate {
  readonly activityId: string;
  readonly name: string;
  readonly statusCode: string;
  readonly author: string;
  /** UTC ISO time of the check-in. */
  readonly at: string;
  readonly note: string;
}

export interface DigestDue {
  /** Local date of the round. */
  readonly date: string;
  readonly activities: readonly string[];
}

declare module '../delivery/outbox-message.js' {
  /** The outbox carries digests and their details (registered in src/digest/digest-message-type.ts). */
  interface OutboxMessageKinds {
    digest: DigestMessage;
    'digest-details': DigestDetailsMessage;
  }
}
