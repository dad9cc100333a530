import { svAdmin } from './sv-admin.js';
import { svAnswers } from './sv-answers.js';
import { svChat } from './sv-chat.js';

/**
 * Swedish messages: the default voice of delmal. Plain, friendly, short civil-servant Swedish.
 * `{name}` is a parameter; `{n|ett|flera}` picks a word by the number `n`.
 */
export const sv = { ...svAdmin, ...svChat, ...svAnswers } as const;

export type MessageKey = keyof typeof sv;
