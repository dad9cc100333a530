import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { encodePng, type Rgba } from './png.js';

// delmal's mark: a target — rings around a centre, for a plan's goals and the aim of each delmål.
// Drawn analytically with 4×4 supersampling, so the edges stay smooth at 32 px.

type Colour = readonly [number, number, number];
const PURPLE: Colour = [0x2f, 0x1e, 0x4d];
const WHITE: Colour = [0xff, 0xff, 0xff];
const GREEN: Colour = [0x2e, 0xb6, 0x7d];

/** Which colour (or none) covers the point (x, y), in a unit square centred at 0.5. */
type Shape = (x: number, y: number) => Colour | undefined;

function render(size: number, shape: Shape): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const colour = shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      const at = (py * size + px) * 4;
      if (covered > 0)
        pixels.set([r / covered, g / covered, b / covered, (255 * covered) / samples ** 2], at);
    }
  return { width: size, height: size, pixels };
}

const distance = (x: number, y: number) => Math.hypot(x - 0.5, y - 0.5);
const rounded = (x: number, y: number, radius: number) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  return Math.hypot(dx, dy) <= radius;
};

/** 192×192: white target with a green centre on a rounded purple square. */
export const colourIcon: Shape = (x, y) => {
  if (!rounded(x, y, 0.18)) return undefined;
  const d = distance(x, y);
  if (d <= 0.09) return GREEN;
  if ((d >= 0.17 && d <= 0.24) || (d >= 0.31 && d <= 0.38)) return WHITE;
  return PURPLE;
};

/** 32×32: the same target in white on transparent, as Teams requires for outline icons. */
export const outlineIcon: Shape = (x, y) => {
  const d = distance(x, y);
  if (d <= 0.12 || (d >= 0.24 && d <= 0.33) || (d >= 0.41 && d <= 0.49)) return WHITE;
  return undefined;
};

/** Renders both icons into manifest/teams/ (`npm run icons:teams`). */
export function writeIcons(directory = join(PACKAGE_ROOT, 'manifest', 'teams')): void {
  writeFileSync(join(directory, 'color.png'), encodePng(render(192, colourIcon)));
  writeFileSync(join(directory, 'outline.png'), encodePng(render(32, outlineIcon)));
}

if (process.argv[1]?.endsWith('icons.js')) writeIcons();
