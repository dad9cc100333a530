/**
 * Helpers for the texts inside a neutral `Reply`, shared by every renderer: the `*bold*` markup,
 * and shortening or splitting text to fit a platform's limits without breaking a character.
 */

/** The one piece of markup a reply text may carry: `*bold*` on a single line. */
const BOLD = /\*([^*\n]+)\*/g;

/** Rewrites every `*bold*` span with `format`, e.g. to `**bold**` for Adaptive Cards. */
export function replaceBold(text: string, format: (inner: string) => string): string {
  return text.replace(BOLD, (_whole, inner: string) => format(inner));
}

/** Removes the `*bold*` markers, keeping the words (for plain-text output). */
export function stripBold(text: string): string {
  return replaceBold(text, (inner) => inner);
}

/**
 * How long a text is for a platform. It must be the sum over the characters (true for UTF-16
 * length and for HTML-style escaping), so that texts can be cut character by character.
 */
export type Measure = (text: string) => number;

const utf16Length: Measure = (text) => text.length;

/**
 * Shortens `text` so that `measure(result) <= max`, ending in `…` when anything was cut.
 * Cuts between code points, so emoji and other surrogate pairs are never split in half.
 */
export function truncateText(text: string, max: number, measure: Measure = utf16Length): string {
  if (measure(text) <= max) return text;
  const room = max - measure('…');
  let size = 0;
  let kept = '';
  for (const char of text) {
    size += measure(char);
    if (size > room) break;
    kept += char;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * Where a long text may be split, best first: between paragraphs, between lines, after a sentence,
 * between words. Finer separators are only tried on pieces the coarser ones could not make short enough,
 * so the reader sees whole paragraphs wherever possible.
 */
const SEPARATORS: readonly { readonly split: RegExp; readonly join: string }[] = [
  { split: /\n\s*\n/, join: '\n\n' },
  { split: /\n/, join: '\n' },
  { split: /(?<=[.!?…:;])[ \t]+/, join: ' ' },
  { split: /[ \t]+/, join: ' ' },
];

/**
 * Splits `text` into pieces that each measure at most `max`, at the most natural boundary available
 * (paragraph, line, sentence, word, and only as a last resort inside a word).
 */
export function splitText(text: string, max: number, measure: Measure = utf16Length): string[] {
  return splitAt(text.trim(), max, measure, 0).filter((piece) => piece.length > 0);
}

function splitAt(text: string, max: number, measure: Measure, level: number): string[] {
  if (measure(text) <= max) return [text];
  const separator = SEPARATORS[level];
  if (!separator) return hardSplit(text, max, measure);
  const chunks: string[] = [];
  let current = '';
  for (const piece of text.split(separator.split)) {
    const candidate = current ? `${current}${separator.join}${piece}` : piece;
    if (measure(candidate) <= max) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    if (measure(piece) <= max) {
      current = piece;
      continue;
    }
    const finer = splitAt(piece, max, measure, level + 1);
    chunks.push(...finer.slice(0, -1));
    current = finer.at(-1) ?? '';
  }
  if (current) chunks.push(current);
  return chunks;
}

function hardSplit(text: string, max: number, measure: Measure): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const char of text) {
    const charSize = measure(char);
    if (size + charSize > max && current) {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += charSize;
  }
  if (current) chunks.push(current);
  return chunks;
}
