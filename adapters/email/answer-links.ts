import { roundById } from '../../db/check-in-rounds.repository.js';
import type { Db } from '../../db/connection.js';
import type { CheckInPromptMessage } from '../../src/checkins/prompt-message.js';
import { signAnswerClaim } from './answer-token.js';

/** How long a link of a round without a next slot (open-ended) works after its deadline. */
const OPEN_ENDED_MS = 14 * 24 * 3600 * 1000;

/** The path of the answer page on delmal's own server. */
export const ANSWER_PATH = '/svar';

/**
 * Signed links to the answer page: one per owner and prompt, bound to the round and its
 * activities, working until the round closes (the schedule's next slot).
 */
export class AnswerLinks {
  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly secret: string;
      /** delmal's public address (`PUBLIC_URL`), or the local server's once it listens. */
      readonly baseUrl: () => string;
    },
  ) {}

  /** The link for `owner` to answer `message`; undefined when its round is not (or no longer) stored. */
  async linkFor(owner: string, message: CheckInPromptMessage): Promise<string | undefined> {
    const round = await roundById(this.deps.db.kysely, message.roundId);
    if (!round) return undefined;
    const closes = round.closes_at
      ? Date.parse(round.closes_at)
      : Date.parse(round.deadline_at) + OPEN_ENDED_MS;
    const token = signAnswerClaim(
      {
        owner: owner.toLowerCase(),
        round: round.id,
        activities: message.activities.map((a) => a.activityId),
        expires: Math.floor(closes / 1000),
      },
      this.deps.secret,
    );
    return `${this.deps.baseUrl()}${ANSWER_PATH}?t=${token}`;
  }
}
