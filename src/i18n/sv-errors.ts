/** Swedish answers for coded errors (`src/errors/bot-error.ts`) and refused input. */
export const svErrors = {
  'error.code.inputTooLong':
    'Meddelandet är för långt för mig ({length} tecken). Skriv högst {max} tecken, till exempel bara det du söker efter.',
  'error.code.badRequest': 'Det där kunde jag inte ta emot. Försök igen, eller skriv delmal hjälp.',
  'error.code.unknownAction':
    'Knappen känns inte igen (den kan vara från en äldre version). Skriv /delmal hjälp för att se vad du kan göra.',
  'error.code.databaseUnavailable':
    'Jag kommer inte åt min databas just nu, förlåt. Försök igen om en stund. Referens: {ref}.',
} as const;
