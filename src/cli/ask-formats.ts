/** The formats `delmal ask` prints. Kept apart so the CLI can list them without loading the chat core. */
export const ASK_FORMATS = ['text', 'json', 'slack', 'teams'] as const;
export type AskFormat = (typeof ASK_FORMATS)[number];
