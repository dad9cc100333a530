import { svAdmin } from './sv-admin.js';
import { svAnswers } from './sv-answers.js';
import { svChat } from './sv-chat.js';
import { svDigest } from './sv-digest.js';
import { svEmail } from './sv-email.js';
import { svErrors } from './sv-errors.js';
import { svGovernance } from './sv-governance.js';
import { svPlayground } from './sv-playground.js';
import { svPrompts } from './sv-prompts.js';
import { svReport } from './sv-report.js';
import { svReportDocument } from './sv-report-document.js';
import { svRounds } from './sv-rounds.js';
import { svSchedule } from './sv-schedule.js';

/**
 * Swedish messages: the default voice of delmal. Plain, friendly, short civil-servant Swedish.
 * `{name}` is a parameter; `{n|ett|flera}` picks a word by the number `n`.
 * One catalog per concern, one line each, so parallel work adds lines instead of rewriting one.
 */
export const sv = {
  ...svAdmin,
  ...svChat,
  ...svErrors,
  ...svReport,
  ...svReportDocument,
  ...svSchedule,
  ...svRounds,
  ...svAnswers,
  ...svPrompts,
  ...svDigest,
  ...svGovernance,
  ...svPlayground,
  ...svEmail,
} as const;

export type MessageKey = keyof typeof sv;
