import type { Tone } from '../../src/chat/reply.js';
import type { AcTextColor } from './card-types.js';

/** Adaptive Cards' semantic text colours, chosen so the badge follows the user's Teams theme. */
export const TONE_COLOR: Readonly<Record<Tone, AcTextColor>> = {
  green: 'good',
  yellow: 'warning',
  red: 'attention',
  grey: 'default',
  blue: 'accent',
};
