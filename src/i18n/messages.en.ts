import { enAdmin } from './en-admin.js';
import { enAnswers } from './en-answers.js';
import { enChat } from './en-chat.js';
import { enDigest } from './en-digest.js';
import { enEmail } from './en-email.js';
import { enErrors } from './en-errors.js';
import { enGovernance } from './en-governance.js';
import { enPlayground } from './en-playground.js';
import { enPrompts } from './en-prompts.js';
import { enReport } from './en-report.js';
import { enReportDocument } from './en-report-document.js';
import { enRounds } from './en-rounds.js';
import { enSchedule } from './en-schedule.js';
import type { MessageKey } from './messages.sv.js';

/** English messages, complete: every Swedish key has its English counterpart (the type checks it). */
export const en: Readonly<Record<MessageKey, string>> = {
  ...enAdmin,
  ...enChat,
  ...enErrors,
  ...enReport,
  ...enReportDocument,
  ...enSchedule,
  ...enRounds,
  ...enAnswers,
  ...enPrompts,
  ...enDigest,
  ...enGovernance,
  ...enPlayground,
  ...enEmail,
};
