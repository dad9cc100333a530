import { describe, expect, it } from 'vitest';
import {
  actionInbound,
  eventInbound,
  slashCommandInbound,
  viewInbound,
} from '../../../adapters/slack/slack-inbound-message.js';
import { teamsInbound } from '../../../adapters/teams/teams-inbound-message.js';
import { submissionKey } from '../../../src/chat/inbound-schema.js';

const command = {
  team_id: 'T0001',
  user_id: 'U0MEMBER',
  trigger_id: 'trig-1',
  response_url: 'https://hooks.slack.test/r/1',
  text: '/delmal 5',
};

describe('Slack payloads as neutral inbound messages', () => {
  it('tells a DM, a channel and a group DM apart, and answers a slash command privately', () => {
    const dm = slashCommandInbound({ ...command, channel_id: 'D0DM', channel_name: 'directmessage' });
    const channel = slashCommandInbound({ ...command, channel_id: 'C0NET', channel_name: 'lag-missbruk' });
    const group = slashCommandInbound({ ...command, channel_id: 'G0MP', channel_name: 'mpdm-anna--bo-1' });
    expect([dm.conversation.kind, channel.conversation.kind, group.conversation.kind]).toEqual([
      'dm',
      'channel',
      'group',
    ]);
    expect(channel).toMatchObject({
      platform: 'slack',
      workspaceId: 'T0001',
      conversation: { id: 'C0NET', name: 'lag-missbruk' },
      asker: { userId: 'U0MEMBER' },
      replyTo: { kind: 'private', handle: 'https://hooks.slack.test/r/1', conversationId: 'C0NET' },
    });
  });

  it('answers a mention in its thread and a DM in the DM', () => {
    const mention = eventInbound(
      'T0001',
      { channel: 'C0NET', channel_type: 'channel', user: 'U1', ts: '17.1', text: '<@UBOT> 5' },
      { threaded: true },
    );
    expect(mention.replyTo).toEqual({
      kind: 'conversation',
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'C0NET',
      threadId: '17.1',
    });
    const inThread = eventInbound(
      'T0001',
      { channel: 'C0NET', channel_type: 'channel', user: 'U1', ts: '17.9', thread_ts: '17.1', text: 'x' },
      { threaded: true },
    );
    expect(inThread.conversation.threadId).toBe('17.1');
    const dm = eventInbound(
      'T0001',
      { channel: 'D0DM', channel_type: 'im', user: 'U1', ts: '18.1' },
      { threaded: false },
    );
    expect(dm.conversation.kind).toBe('dm');
    expect(dm.replyTo).not.toHaveProperty('threadId');
  });

  it('keys a button by its command on its message, so a double click is one submission', () => {
    const body = (trigger: string) => ({
      team: { id: 'T0001' },
      user: { id: 'U1' },
      channel: { id: 'C0NET' },
      container: { message_ts: '17.5', is_ephemeral: false },
      message: { ts: '17.5' },
      trigger_id: trigger,
    });
    const a = actionInbound(body('t1'), 'delmal avstamning cross on_track');
    const b = actionInbound(body('t2'), 'delmal avstamning cross on_track');
    const other = actionInbound(body('t3'), 'delmal avstamning cross at_risk');
    expect(submissionKey(a)).toBe(submissionKey(b));
    expect(submissionKey(other)).not.toBe(submissionKey(a));
    expect(a.sourceMessage).toEqual({
      platform: 'slack',
      workspaceId: 'T0001',
      conversationId: 'C0NET',
      messageId: '17.5',
    });
    expect(submissionKey(viewInbound('T0001', 'U1', 'V1'))).toBe('slack:T0001:view:V1');
  });

  it('refuses a payload without the ids the core relies on', () => {
    expect(() => slashCommandInbound({ ...command, user_id: '', channel_id: 'C0NET' })).toThrow();
  });
});

describe('Teams activities as neutral inbound messages', () => {
  const from = { id: '29:u', aadObjectId: 'aad-1', name: 'Anna' };
  it('fills tenant, conversation kind and the reply chain of a channel thread', () => {
    const inbound = teamsInbound(
      {
        id: 'act-1',
        conversation: {
          id: '19:abc@thread.tacv2;messageid=1700',
          conversationType: 'channel',
          tenantId: 'tenant-1',
        },
        from,
        channelData: { channel: { id: '19:abc@thread.tacv2', name: 'Lag missbruk' } },
      },
      'delmal 5',
      { email: 'anna@example.se' },
    );
    expect(inbound).toMatchObject({
      platform: 'teams',
      workspaceId: 'tenant-1',
      conversation: { kind: 'channel', id: '19:abc@thread.tacv2', threadId: '1700', name: 'Lag missbruk' },
      messageId: 'act-1',
      asker: { userId: 'aad-1', email: 'anna@example.se', name: 'Anna' },
    });
    const group = teamsInbound(
      { id: 'a2', conversation: { id: '19:g', conversationType: 'groupChat', tenantId: 't' }, from },
      '',
    );
    const personal = teamsInbound(
      { id: 'a3', conversation: { id: 'a:p', conversationType: 'personal', tenantId: 't' }, from },
      '',
    );
    expect([group.conversation.kind, personal.conversation.kind]).toEqual(['group', 'dm']);
  });

  it('keys a card button by the card’s activity and the command, not by the click', () => {
    const press = (id: string) =>
      teamsInbound(
        {
          id,
          replyToId: 'card-1',
          conversation: { id: 'a:p', conversationType: 'personal', tenantId: 't' },
          from,
        },
        'delmal avstamning cross on_track',
        { cardCommand: 'delmal avstamning cross on_track' },
      );
    expect(submissionKey(press('i1'))).toBe(submissionKey(press('i2')));
    expect(press('i1').sourceMessage?.messageId).toBe('card-1');
  });
});
