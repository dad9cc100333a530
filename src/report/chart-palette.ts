/**
 * One colour and one pattern per status, so a chart reads in colour, in greyscale print and for
 * colour-blind readers alike: the colours are from Paul Tol's colour-blind-safe schemes, chosen so
 * neighbours in the plan's order differ in lightness too, and each has its own hatching — meaning
 * never rests on colour alone. Colours go by the status's place in the plan's order.
 */
export interface StatusPaint {
  readonly colour: string;
  /** `none`, or the hatching drawn over the colour. */
  readonly pattern: 'none' | 'diagonal' | 'cross' | 'horizontal' | 'vertical' | 'dots';
  /** Ink for a number printed on it. */
  readonly ink: '#000000' | '#ffffff';
}

const PAINTS: readonly StatusPaint[] = [
  { colour: '#117733', pattern: 'none', ink: '#ffffff' }, // Enligt plan: dark green
  { colour: '#ddcc77', pattern: 'diagonal', ink: '#000000' }, // Risk för avvikelse: sand
  { colour: '#882255', pattern: 'cross', ink: '#ffffff' }, // Hinder / avvikelse: wine
  { colour: '#88ccee', pattern: 'horizontal', ink: '#000000' }, // Pausad: light cyan
  { colour: '#332288', pattern: 'vertical', ink: '#ffffff' }, // Avslutad: indigo
  { colour: '#cc6677', pattern: 'dots', ink: '#000000' }, // Ej påbörjad: rose
  { colour: '#dddddd', pattern: 'none', ink: '#000000' }, // Ingen avstämning: pale grey
];
/** Statuses past the seventh (a plan with a longer vocabulary) reuse these, still hatched apart. */
const EXTRA: readonly StatusPaint[] = [
  { colour: '#44aa99', pattern: 'diagonal', ink: '#000000' },
  { colour: '#999933', pattern: 'cross', ink: '#000000' },
  { colour: '#aa4499', pattern: 'dots', ink: '#ffffff' },
];

/** The paint of the status at `index` in the plan's order; the last entry of `order` is "no check-in". */
export function paintOf(index: number, count: number): StatusPaint {
  if (index === count - 1) return PAINTS[6] as StatusPaint;
  return PAINTS[index] ?? EXTRA[(index - 6) % EXTRA.length] ?? (PAINTS[0] as StatusPaint);
}

const HATCH: Readonly<Record<Exclude<StatusPaint['pattern'], 'none'>, string>> = {
  diagonal: '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke-width="1.6"/>',
  cross: '<path d="M0,0 L8,8 M8,0 L0,8" stroke-width="1.4"/>',
  horizontal: '<path d="M0,2 H8 M0,6 H8" stroke-width="1.4"/>',
  vertical: '<path d="M2,0 V8 M6,0 V8" stroke-width="1.4"/>',
  dots: '<circle cx="2" cy="2" r="1.3"/><circle cx="6" cy="6" r="1.3"/>',
};

/**
 * Replaces each hatched status's flat fill in a Vega SVG with a pattern of that colour (bars and
 * legend symbols alike). Ids carry `prefix` so several charts can sit inline in one HTML page.
 */
export function withPatterns(svg: string, paints: readonly StatusPaint[], prefix: string): string {
  const defs: string[] = [];
  let out = svg;
  paints.forEach((paint, i) => {
    if (paint.pattern === 'none') return;
    const id = `${prefix}-p${i}`;
    const line = paint.ink === '#ffffff' ? '#ffffff' : '#000000';
    const hatch = HATCH[paint.pattern]
      .replace(
        /<(path|circle)/g,
        `<$1 stroke="${line}" fill="${line}" stroke-opacity="0.65" fill-opacity="0.65"`,
      )
      .replace(/fill="[^"]*"( d=)/g, 'fill="none"$1');
    defs.push(
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${paint.colour}"/>${hatch}</pattern>`,
    );
    out = out.split(`fill="${paint.colour}"`).join(`fill="url(#${id})"`);
  });
  if (defs.length === 0) return out;
  return out.replace(/(<svg[^>]*>)/, `$1<defs>${defs.join('')}</defs>`);
}
