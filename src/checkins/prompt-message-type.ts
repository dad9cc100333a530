import { registerMessageType } from '../delivery/message-types.js';
import { renderCheckInPrompt } from './prompt-render.js';
import { checkInPromptSchema } from './prompt-schema.js';

/**
 * Registers the `checkin-prompt` outbox message type once, at module load: imported by the code
 * that sends and refreshes prompts, and by the composition root (src/message-kinds.ts), so every
 * process that stores or renders outbox items knows it.
 */
registerMessageType<'checkin-prompt'>({
  type: 'checkin-prompt',
  schema: checkInPromptSchema,
  render: renderCheckInPrompt,
});
