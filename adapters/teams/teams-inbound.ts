import { z } from 'zod';

/**
 * The shape every activity must have before the Teams SDK sees it. The SDK casts the body to an
 * activity unchecked and its handlers (mention stripping, conversationUpdate) then read fields
 * that a hostile or broken sender may have given any type: `null` bodies, `entities` that are not
 * a list, a `text` that is a number. Such requests get 400 instead of a 500 from deep inside.
 * Only what the SDK and delmal read is constrained; everything else passes through.
 */
const account = z.looseObject({
  id: z.string().min(1).max(1000),
  name: z.string().max(1000).nullish(),
  aadObjectId: z.string().max(100).nullish(),
});
const mention = z.looseObject({
  type: z.literal('mention'),
  mentioned: account,
  text: z.string().max(10_000).nullish(),
});
const otherEntity = z.looseObject({ type: z.string().max(200) }).refine((e) => e.type !== 'mention');

const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  name: z.string().max(200).optional(),
  serviceUrl: z.string().min(1).max(2048),
  channelId: z.string().max(100).optional(),
  text: z.string().optional(),
  locale: z.string().max(100).nullish(),
  entities: z
    .array(z.union([mention, otherEntity]))
    .max(100)
    .nullish(),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1000),
    conversationType: z.string().max(100).nullish(),
    tenantId: z.string().max(100).nullish(),
  }),
  membersAdded: z.array(account).max(1000).nullish(),
  membersRemoved: z.array(account).max(1000).nullish(),
  channelData: z.looseObject({}).nullish(),
});

// The SDK rebuilds message updates and deletes from `channelData.eventType` (Teams always sends
// it: editMessage, softDeleteMessage …); without `channelData` it threw a TypeError and answered 500.
const CHANNEL_DATA_REQUIRED = new Set(['messageUpdate', 'messageDelete']);

export const teamsActivityShape = activityShape.refine(
  (activity) =>
    !CHANNEL_DATA_REQUIRED.has(activity.type) ||
    (activity.channelData !== null && activity.channelData !== undefined),
  { path: ['channelData'], message: 'required for message updates and deletes' },
);
