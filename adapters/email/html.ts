/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped text with the neutral model's one markup, `*bold*`, as `<strong>`. */
export function inline(text: string): string {
  return esc(text).replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>');
}

/** `*bold*` removed, for the plain-text part. */
export function plain(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1');
}
