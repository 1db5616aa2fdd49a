// Draws Mesa's app icon (a white table on a teal rounded square) as PNGs in build/icons/.
// Written as a tiny PNG encoder on node:zlib because the build machines have no
// ImageMagick; electron-builder turns the 512 px PNG into .ico/.icns itself.
// Usage: node scripts/draw-icons.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');
const SIZES = [512, 256];
const SUPERSAMPLE = 4; // 4×4 samples per pixel: smooth edges without an AA library.

const BACKGROUND = [13, 110, 118]; // teal
const FOREGROUND = [255, 255, 255];

/** Inside a rounded rectangle given in unit coordinates (0..1). */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** 0 = transparent, 1 = background, 2 = table. */
function shapeAt(x, y) {
  if (!inRoundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) return 0;
  const tableTop = inRoundedRect(x, y, 0.18, 0.3, 0.82, 0.42, 0.04);
  const leftLeg = inRoundedRect(x, y, 0.26, 0.36, 0.36, 0.74, 0.03);
  const rightLeg = inRoundedRect(x, y, 0.64, 0.36, 0.74, 0.74, 0.03);
  return tableTop || leftLeg || rightLeg ? 2 : 1;
}

function renderRgba(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const step = 1 / (size * SUPERSAMPLE);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let table = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const shape = shapeAt((px * SUPERSAMPLE + sx + 0.5) * step, (py * SUPERSAMPLE + sy + 0.5) * step);
          if (shape === 1) background++;
          else if (shape === 2) table++;
        }
      }
      const covered = background + table;
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        rgba[offset + c] = Math.round((BACKGROUND[c] * background + FOREGROUND[c] * table) / covered);
      }
      rgba[offset + 3] = Math.round((255 * covered) / SUPERSAMPLE ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // Each scanline starts with filter type 0 (none); deflate does the compressing.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `${size}x${size}.png`);
  writeFileSync(file, encodePng(size, renderRgba(size)));
  console.log(`wrote ${file}`);
}
