import { svAdmin } from './sv-admin.js';
import { svChat } from './sv-chat.js';
import { svSchedule } from './sv-schedule.js';

/**
 * Swedish messages: the default voice of delmal. Plain, friendly, short civil-servant Swedish.
 * `{name}` is a parameter; `{n|ett|flera}` picks a word by the number `n`.
 */
export const sv = { ...svAdmin, ...svChat, ...svSchedule } as const;

export type MessageKey = keyof typeof sv;
