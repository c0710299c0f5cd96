/**
 * Draws the Teams app icons with pngjs: color.png (192x192, full colour) and outline.png (32x32,
 * white on transparent, as Teams requires). Run `npm run icons:teams`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { BRAND_COLOUR } from '../../src/config/brand.js';

type Rgba = [number, number, number, number];
const TEAL: Rgba = [...[1, 3, 5].map((i) => parseInt(BRAND_COLOUR.slice(i, i + 2), 16)), 255] as Rgba;
const WHITE: Rgba = [255, 255, 255, 255];

/** Whether (x, y) lies inside a rounded rectangle. */
function inRoundRect(x: number, y: number, left: number, top: number, w: number, h: number, r: number): boolean {
  if (x < left || y < top || x >= left + w || y >= top + h) return false;
  const cx = Math.min(Math.max(x, left + r), left + w - r - 1);
  const cy = Math.min(Math.max(y, top + r), top + h - r - 1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A stack of four vertebrae (rounded bars), narrowing upwards, centred in a square of `size`. */
function inSpine(x: number, y: number, size: number): boolean {
  const unit = size / 32;
  const bars = [
    { w: 12, top: 5 }, { w: 14, top: 11 }, { w: 16, top: 17 }, { w: 18, top: 23 },
  ];
  return bars.some((b) => inRoundRect(x, y, Math.round((size - b.w * unit) / 2), Math.round(b.top * unit), Math.round(b.w * unit), Math.round(4 * unit), Math.round(1.5 * unit)));
}

function draw(size: number, pixel: (x: number, y: number) => Rgba): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const [r, g, b, a] = pixel(x, y);
      png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = a;
    }
  }
  return png;
}

/** The 192x192 colour icon: white spine on a teal rounded square. */
export function colorIcon(): PNG {
  return draw(192, (x, y) => (inSpine(x, y, 192) ? WHITE : inRoundRect(x, y, 0, 0, 192, 192, 36) ? TEAL : [0, 0, 0, 0]));
}

/** The 32x32 outline icon: only fully white or fully transparent pixels. */
export function outlineIcon(): PNG {
  return draw(32, (x, y) => (inSpine(x, y, 32) ? WHITE : [255, 255, 255, 0]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log('Usage: npm run icons:teams\n  Redraws manifests/teams/color.png and outline.png in the brand colour (src/config/brand.ts).');
    process.exit(0);
  }
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../manifests/teams');
  writeFileSync(join(dir, 'color.png'), PNG.sync.write(colorIcon()));
  writeFileSync(join(dir, 'outline.png'), PNG.sync.write(outlineIcon()));
  console.log(`wrote ${dir}/color.png and ${dir}/outline.png`);
}
