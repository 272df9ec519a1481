// Draws the app's home-screen icons from the favicon's shapes (public/favicon.svg: a rounded
// square in the brand colour with a white pulse line), without any package or download:
//
//   node tools/icons.mjs
//
// writes public/icons/icon.svg, icon-192.png, icon-512.png (rounded corners, for "any") and
// icon-maskable-192.png, icon-maskable-512.png (full square, the line inside the safe zone,
// for "maskable"). The PNGs are committed; run this again only when the design changes.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x0b, 0x5e, 0x7a];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's geometry in its 64×64 view box.
const LINE = [
  [18, 34],
  [26, 34],
  [31, 22],
  [37, 44],
  [42, 34],
  [50, 34],
];
const STROKE = 5;
const RADIUS = 14;

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  `<rect width="64" height="64" rx="${RADIUS}" fill="#0b5e7a"/>` +
  '<path d="M18 34h8l5-12 6 22 5-10h8" fill="none" stroke="#fff" stroke-width="5" ' +
  'stroke-linecap="round" stroke-linejoin="round"/></svg>\n';

/** Distance from point p to segment a–b. */
function toSegment(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Signed distance to a rounded square of side 64 (negative inside). */
function toRoundedSquare(p, radius) {
  const q = [Math.abs(p[0] - 32) - (32 - radius), Math.abs(p[1] - 32) - (32 - radius)];
  const outside = Math.hypot(Math.max(q[0], 0), Math.max(q[1], 0));
  return outside + Math.min(Math.max(q[0], q[1]), 0) - radius;
}

/** RGBA pixels of the icon at `size` px; `maskable` fills the square to its edges. */
function draw(size, maskable) {
  const scale = size / 64;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = [(x + 0.5) / scale, (y + 0.5) / scale];
      // Coverage from the distance to an edge, one pixel wide: smooth edges without sampling.
      const background = maskable ? 1 : clamp(0.5 - toRoundedSquare(p, RADIUS) * scale);
      let line = 0;
      for (let i = 1; i < LINE.length; i++) {
        const d = toSegment(p, LINE[i - 1], LINE[i]);
        line = Math.max(line, clamp(0.5 - (d - STROKE / 2) * scale));
      }
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[o + c] = Math.round(BRAND[c] * (1 - line) + WHITE[c] * line);
      }
      pixels[o + 3] = Math.round(255 * Math.max(background, line));
    }
  }
  return pixels;
}

function clamp(v) {
  return Math.max(0, Math.min(1, v));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, no filter) of square RGBA pixels. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../public/icons/", import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL("icon.svg", out), SVG);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, out), png(size, draw(size, false)));
  writeFileSync(new URL(`icon-maskable-${size}.png`, out), png(size, draw(size, true)));
}
console.log(`wrote ${out.pathname}: icon.svg and four PNGs`);
