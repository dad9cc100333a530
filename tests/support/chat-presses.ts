import { randomUUID } from 'node:crypto';
import type { FakeConnector } from '../fakes/fake-connector.js';
import type { FakeSlack, RecordedCall } from '../fakes/fake-slack.js';
import { textBlockTexts } from './adaptive-cards.js';
import { blockAction, postSlack, viewSubmission } from './slack.js';
import { postActivity, teamsMessage } from './teams.js';

/** What the person who pressed sees, and whether only they see it. */
export interface Seen {
  readonly text: string;
  /** Slack: an ephemeral message, the person's DM with the app or their own form; Teams: undefined. */
  readonly privately?: boolean;
}

/** Where a button is: a DM with the app, or a message in a channel (public or ephemeral). */
export type Place = 'dm' | 'channel' | 'channel-ephemeral';

const FORM = 'application/x-www-form-urlencoded';
/** The calls delmal answers a Slack interaction with. */
const ANSWERS = new Set(['response', 'chat.postMessage', 'chat.postEphemeral', 'views.open']);

/** Presses buttons and submits modals through the real `POST /slack/events` route. */
export class SlackPresses {
  #message = 0;

  constructor(
    private readonly slack: FakeSlack,
    private readonly base: string,
    private readonly channel: { readonly id: string; readonly name: string },
  ) {}

  /** A button carrying `command` (`delmal_cmd_*`), or "Dela i kanalen" (`delmal_share`). */
  async press(userId: string, command: string, place: Place, actionId = 'delmal_cmd_1'): Promise<Seen> {
    const since = this.slack.calls.length;
    const inChannel = place !== 'dm';
    const body = blockAction(
      { actionId, value: command },
      {
        responseUrl: this.slack.responseUrl(`press-${this.#message}`),
        ephemeral: place === 'channel-ephemeral',
        userId,
        channel: inChannel ? this.channel.id : `D${userId.slice(1)}`,
        messageTs: `1700000${String(++this.#message).padStart(3, '0')}.000100`,
      },
    );
    // A channel message's payload names the channel; a DM's says "directmessage".
    const payload = inChannel ? body.replace('directmessage', encodeURIComponent(this.channel.name)) : body;
    const response = await postSlack(this.base, payload, FORM);
    if (response.status !== 200) throw new Error(`Slack got ${response.status}`);
    return seenIn(await this.answerAfter(since));
  }

  /** The check-in modal submitted; a refusal shows in the form itself. */
  async submit(userId: string, activityId: string, mode: 'new' | 'edit', note: string): Promise<Seen> {
    const since = this.slack.calls.length;
    const status = mode === 'edit' ? 'at_risk' : 'on_track';
    const response = await postSlack(
      this.base,
      viewSubmission({ userId, activityId, status, note, mode, viewId: `V${randomUUID()}` }),
      FORM,
    );
    const raw = await response.text();
    if (raw !== '') {
      const errors = (JSON.parse(raw) as { errors?: Record<string, string> }).errors ?? {};
      return { text: Object.values(errors).join(' '), privately: true };
    }
    return seenIn(await this.answerAfter(since));
  }

  private async answerAfter(since: number): Promise<RecordedCall> {
    const until = Date.now() + 8000;
    while (Date.now() < until) {
      const answer = this.slack.calls.slice(since).find((c) => ANSWERS.has(c.method));
      if (answer) return answer;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no answer from delmal; calls: ${this.slack.calls.slice(since).map((c) => c.method)}`);
  }
}

function seenIn(call: RecordedCall): Seen {
  const { method, body } = call;
  if (method === 'views.open') return { text: JSON.stringify(body.view), privately: true };
  // A DM with the app is seen by the person alone, as is an ephemeral message.
  const privately =
    method === 'chat.postEphemeral' ||
    (method === 'response' && body.response_type === 'ephemeral') ||
    (method === 'chat.postMessage' && String(body.channel).startsWith('D'));
  return { text: `${String(body.text ?? '')} ${JSON.stringify(body.blocks ?? [])}`, privately };
}

/** Presses card buttons through the real `POST /api/messages` route of the Teams SDK. */
export class TeamsPresses {
  constructor(
    private readonly connector: FakeConnector,
    private readonly base: string,
    private readonly channel: { readonly id: string; readonly teamId: string },
  ) {}

  private where(userId: string, place: Place) {
    const from = { id: `29:${userId}`, aadObjectId: `00000000-0000-0000-0000-${userId.padStart(12, '0')}` };
    return place === 'dm'
      ? { from, conversationId: `a:personal-${userId}`, conversationType: 'personal' }
      : { from, conversationId: `${this.channel.id};messageid=1700000000000`, conversationType: 'channel' };
  }

  /** An Action.Execute button (invoke `adaptiveCard/action`): the answer is the card that replaces it. */
  async execute(userId: string, command: string, place: Place): Promise<Seen> {
    const where = this.where(userId, place);
    const activity = {
      ...teamsMessage('', { serviceUrl: this.connector.serviceUrl, ...where }),
      ...this.channelData(place),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'activity-card-1',
      value: { action: { type: 'Action.Execute', verb: 'delmal', data: { command } }, trigger: 'manual' },
    };
    const response = await postActivity(this.base, activity);
    if (response.status !== 200) throw new Error(`Teams got ${response.status}`);
    return { text: textBlockTexts(((await response.json()) as { value: object }).value).join(' ') };
  }

  /** An Action.Submit of a card form: a message activity with the command and the form's inputs. */
  async submit(userId: string, command: string, form: Record<string, string>, place: Place): Promise<Seen> {
    const key = `f${randomUUID().slice(0, 8)}`;
    const inputs = Object.fromEntries(Object.entries(form).map(([name, v]) => [`${key}.${name}`, v]));
    const activity = {
      ...teamsMessage('', {
        serviceUrl: this.connector.serviceUrl,
        ...this.where(userId, place),
        value: { command, form: key, ...inputs },
      }),
      ...this.channelData(place),
    };
    const before = this.connector.delivered().length;
    const response = await postActivity(this.base, activity);
    if (response.status !== 200) throw new Error(`Teams got ${response.status}`);
    const calls = await this.connector.waitFor(before + 1);
    const posted = calls[before]?.body.attachments as { content: object }[] | undefined;
    return { text: textBlockTexts(posted?.map((a) => a.content) ?? []).join(' ') };
  }

  private channelData(place: Place) {
    return place === 'dm'
      ? {}
      : {
          channelData: { team: { id: this.channel.teamId }, channel: { id: this.channel.id, name: 'authz' } },
        };
  }

  /** The roster entry the SDK looks up for `userId`. */
  member(userId: string, email: string, name: string): void {
    this.connector.members.set(`29:${userId}`, { name, email });
  }
}
