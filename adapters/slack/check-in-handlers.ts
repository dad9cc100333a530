import type {
  AllMiddlewareArgs,
  App,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { permits } from '../../src/authz/matrix.js';
import { rolesOf } from '../../src/authz/roles.js';
import { badgeOf } from '../../src/catalog/status.js';
import { formatTime } from '../../src/chat/format.js';
import type { Address } from '../../src/chat/inbound.js';
import { describeFailure } from '../../src/errors/bot-error.js';
import { translator } from '../../src/i18n/i18n.js';
import {
  CHECK_IN_CALLBACK,
  checkInModal,
  NEXT_STEP_BLOCK,
  NOTE_BLOCK,
  STATUS_BLOCK,
  SUPPORT_BLOCK,
} from './check-in-modal.js';
import { eventStored } from './event-stored.js';
import type { SlackTools } from './slack-context.js';
import { viewInbound } from './slack-inbound-message.js';

/**
 * A button that asks to check in without a status yet ("Stäm av nu", "Lägg till text") or to edit
 * the latest check-in ("Ändra svaret"): Slack answers with a modal.
 */
const CHECK_IN_PROMPT = /^delmal (avstamning|andra) ([a-z0-9-]+)$/;

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submission = z.object({
  metadata: z.object({ activityId: z.string().min(1), mode: z.enum(['new', 'edit']).default('new') }),
  status: z.string().min(1),
  note: z.string().default(''),
  nextStep: z.string().default(''),
  needsSupport: z.boolean(),
});

/**
 * App Home and the check-in modal: `app_home_opened` publishes "Mina aktiviteter"; "Stäm av nu"
 * opens the form within the trigger's 3 seconds; the submission is validated by the neutral
 * check-in service and its problems are shown inline, in Swedish, under the field they concern.
 * Returns the function message buttons use to open the modal.
 */
export function registerCheckInHandlers(app: App, tools: SlackTools) {
  const { deps, contextOf, publishHome, boundary } = tools;

  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    await boundary(undefined, () =>
      publishHome(client, body.team_id, event.user, {
        receiptKey: `slack:event:${body.event_id}`,
        stored: eventStored(context),
      }),
    );
  });

  app.view<ViewSubmitAction>(CHECK_IN_CALLBACK, async ({ ack: boltAck, body, view, client }) => {
    // The submission's own boundary: a failure before the ack (database down …) is shown in the
    // form, where the user is looking, instead of Slack's generic error after 3 seconds.
    let acked = false;
    const ack = async (response?: ViewResponseAction) => {
      acked = true;
      await boltAck(response);
    };
    try {
      await submit(ack, body, view, client);
    } catch (error) {
      if (acked) throw error;
      const t = translator(deps.locale);
      const { text } = describeFailure(error, { logger: deps.logger, t, where: 'slack.checkin' });
      await boltAck({ response_action: 'errors', errors: { [STATUS_BLOCK]: text } });
    }
  });

  const submit = async (
    ack: (response?: ViewResponseAction) => Promise<void>,
    body: SubmitArgs['body'],
    view: SubmitArgs['view'],
    client: SubmitArgs['client'],
  ) => {
    const teamId = body.team?.id ?? '';
    const ctx = await contextOf(client, teamId, body.user.id, viewInbound(teamId, body.user.id, view.id));
    // Slack may send `state: {}` (no `values`): that is an empty form, answered with the form's error.
    const values: SubmitArgs['view']['state']['values'] = view.state.values ?? {};
    const form = submission.safeParse({
      metadata: parseJson(view.private_metadata),
      status: values[STATUS_BLOCK]?.[STATUS_BLOCK]?.selected_option?.value ?? '',
      note: values[NOTE_BLOCK]?.[NOTE_BLOCK]?.value ?? '',
      nextStep: values[NEXT_STEP_BLOCK]?.[NEXT_STEP_BLOCK]?.value ?? '',
      needsSupport: (values[SUPPORT_BLOCK]?.[SUPPORT_BLOCK]?.selected_options?.length ?? 0) > 0,
    });
    if (!form.success) {
      await ack({
        response_action: 'errors',
        errors: { [STATUS_BLOCK]: capitalise(ctx.t('checkin.error.status')) },
      });
      return;
    }
    const input = {
      activityId: form.data.metadata.activityId,
      statusCode: form.data.status,
      note: form.data.note,
      nextStep: form.data.nextStep,
      needsSupport: form.data.needsSupport,
    };
    const result =
      form.data.metadata.mode === 'edit' ? await ctx.checkIns.edit(input) : await ctx.checkIns.record(input);
    if (!result.ok) {
      const errors: Record<string, string> = {};
      const blockOf = {
        note: NOTE_BLOCK,
        nextStep: NEXT_STEP_BLOCK,
        status: STATUS_BLOCK,
        activity: STATUS_BLOCK,
      };
      for (const problem of result.problems)
        errors[blockOf[problem.field]] = capitalise(ctx.t(problem.key, problem.params));
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    // The confirmation goes to the user's DM with the app (a channel id of U… is that DM).
    const dm: Address = {
      kind: 'conversation',
      platform: 'slack',
      workspaceId: teamId,
      conversationId: body.user.id,
    };
    await boundary(dm, async () => {
      const activity = ctx.catalog.view.activities.get(result.checkIn.activity_id);
      const vocabulary = activity ? ctx.catalog.view.vocabularyOf(activity) : ctx.catalog.view.vocabulary();
      const status = vocabulary.find((d) => d.code === result.checkIn.status_code);
      const edited = form.data.metadata.mode === 'edit';
      const saved = ctx.t(edited ? 'checkin.edit.saved' : 'checkin.saved', {
        time: formatTime(
          (edited ? result.checkIn.updated_at : undefined) ?? result.checkIn.created_at,
          ctx.asker.locale,
          ctx.timezone,
        ),
        status: status ? badgeOf(status, ctx.asker.locale).label : result.checkIn.status_code,
        version: result.checkIn.version,
      });
      const name = ctx.catalog.view.activities.get(result.checkIn.activity_id)?.name ?? '';
      const text = `${name}: ${saved}`;
      // Thanked once per check-in and version: the same form submitted twice records one and
      // thanks once; an edit (a new version of the same check-in) is confirmed too.
      await deps.deliveries.sendNowOnce(`slack:checkin:${result.checkIn.id}:${result.checkIn.version}`, {
        lane: 'interactive',
        to: dm,
        message: {
          type: 'reply',
          reply: { summary: text, blocks: [{ type: 'text', text }] },
          locale: ctx.asker.locale,
        },
      });
      await publishHome(client, teamId, body.user.id);
    });
  };

  return async (command: string, teamId: string, userId: string, triggerId: string): Promise<boolean> => {
    const [, verb, activityId] = CHECK_IN_PROMPT.exec(command) ?? [];
    if (!activityId) return false;
    const ctx = await contextOf(app.client, teamId, userId);
    const activity = ctx.catalog.view.activities.get(activityId);
    // Not an owner: no form; the button's command answers with the refusal instead.
    if (!activity || !permits('button.openCheckIn', rolesOf(ctx.catalog.view, ctx.asker.email, { activity })))
      return false;
    const [latest] = verb === 'andra' ? await ctx.checkIns.history(activityId) : [];
    const modal = checkInModal(
      ctx,
      activityId,
      verb === 'andra' ? 'edit' : 'new',
      latest && {
        note: latest.note,
        nextStep: latest.next_step ?? '',
        needsSupport: latest.needs_support === 1,
      },
    );
    if (!modal) return false;
    try {
      await app.client.views.open({ trigger_id: triggerId, view: modal });
      return true;
    } catch (error) {
      deps.logger.warn({ err: error }, 'views.open failed; answering with the check-in buttons instead');
      return false;
    }
  };
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
