import type { svErrors } from './sv-errors.js';

/** English answers for coded errors and refused input. */
export const enErrors: Readonly<Record<keyof typeof svErrors, string>> = {
  'error.code.inputTooLong':
    'Your message is too long for me ({length} characters). Write at most {max} characters, for example just what you are looking for.',
  'error.code.badRequest': 'I could not take that in. Please try again, or type delmal help.',
  'error.code.unknownAction':
    'That button is not recognised (it may be from an older version). Type /delmal help to see what you can do.',
  'error.code.databaseUnavailable':
    'I cannot reach my database right now, sorry. Please try again in a while. Reference: {ref}.',
};
