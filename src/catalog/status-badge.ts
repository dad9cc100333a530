/**
 * How a status looks, as the domain decides it: its label and its colour family. The chat model
 * carries it in a reply (src/chat/reply.ts) and each renderer maps the tone to its platform.
 */

/** Colour family of a status badge; each renderer maps it to what its platform can show. */
export type Tone = 'green' | 'yellow' | 'red' | 'grey' | 'blue';

/** A status as shown to people: its label in the reader's language and its tone. */
export interface StatusBadge {
  readonly label: string;
  readonly tone: Tone;
}
