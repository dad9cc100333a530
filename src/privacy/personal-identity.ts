import { createRequire } from 'node:module';

// The package's types declare an ES default export, but its CommonJS build exports the class
// itself; loading it with require() gives the same object on every toolchain.
const Personnummer = createRequire(import.meta.url)('personnummer') as {
  valid(pin: string, options?: { allowCoordinationNumber: boolean; allowInterimNumber: boolean }): boolean;
};

// 6 or 8 digits of date, an optional separator (-, + or space), 4 digits: 850709-9805, 19850709 9805.
const CANDIDATE = /(?<!\d)(\d{6}|\d{8})[-+ ]?(\d{4})(?!\d)/g;

/**
 * True when `text` contains a Swedish personal identity number or co-ordination number with a
 * valid check digit. Check-ins are about activities, never clients: such text is refused, not stored.
 */
export function containsPersonalIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    // The library reads "-" and "+" separators; a space is read as "-".
    const candidate = `${match[1]}${match[0].includes('+') ? '+' : '-'}${match[2]}`;
    try {
      if (Personnummer.valid(candidate, { allowCoordinationNumber: true, allowInterimNumber: false }))
        return true;
    } catch {
      // Not a number the library can read: not a personal identity number.
    }
  }
  return false;
}
