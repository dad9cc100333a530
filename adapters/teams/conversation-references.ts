import type { Db } from '../../db/connection.js';
import {
  findTeamsConversation,
  saveTeamsConversation,
  type TeamsConversationReference,
} from '../../db/teams-conversations.repository.js';
import type { Clock } from '../../src/clock.js';

/** How long a service URL learnt in this process is used without asking the database again. */
const FRESH_MS = 10 * 60_000;
/** Conversations remembered in this process, at most (the oldest is forgotten first). */
const REMEMBERED = 10_000;

/**
 * Where each Teams conversation is reached (its Bot Framework service URL). Stored in the database
 * (every replica sends to every conversation), and remembered in this process for what it learnt
 * itself: a message is answered at the service URL it came from without a look-up, and a busy chat
 * does not rewrite its row per message. What another replica stored is read from the database
 * once what this process remembers is older than {@link FRESH_MS}.
 */
export class ConversationReferences {
  private readonly known = new Map<string, { readonly serviceUrl: string; readonly at: number }>();

  /** `monotonic`: milliseconds on a clock that never jumps (tests move it). */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /**
   * Stores where a conversation lives, unless this process stored the same service URL within
   * {@link FRESH_MS} (a row deleted meanwhile — a person's data erased — is written again after that).
   */
  async remember(reference: TeamsConversationReference): Promise<void> {
    const known = this.known.get(reference.conversationId);
    if (known?.serviceUrl === reference.serviceUrl && this.fresh(known)) return;
    await saveTeamsConversation(this.db.kysely, reference, this.clock.now().toISOString());
    this.learnt(reference.conversationId, reference.serviceUrl);
  }

  /** The service URL of a conversation (a channel's id, not a reply chain's); undefined when unknown. */
  async serviceUrl(conversationId: string): Promise<string | undefined> {
    const known = this.known.get(conversationId);
    if (known && this.fresh(known)) return known.serviceUrl;
    const stored = await findTeamsConversation(this.db.kysely, conversationId);
    if (!stored) {
      this.known.delete(conversationId);
      return undefined;
    }
    this.learnt(conversationId, stored.service_url);
    return stored.service_url;
  }

  private fresh(known: { readonly at: number }): boolean {
    return this.monotonic() - known.at < FRESH_MS;
  }

  private learnt(conversationId: string, serviceUrl: string): void {
    this.known.delete(conversationId);
    this.known.set(conversationId, { serviceUrl, at: this.monotonic() });
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value as string);
  }
}
