/* Draws the add-in icon, the value matrix in its four metals, as PNG files in assets/.
 * Run once after changing the design: `node scripts/make-icons.js`. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const METALS = ["#F2C744", "#DCE1E6", "#6E4B3A", "#8795A3"]; // gold, silver, iron, lead (src/engine/palette.ts)
const FRAME = "#1F3A5F";

function rgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size) {
  const pad = Math.max(1, Math.round(size / 16));
  const gap = Math.max(1, Math.round(size / 20));
  const half = (size - 2 * pad - gap) / 2;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const inX = x - pad;
      const inY = y - pad;
      const inside = inX >= 0 && inY >= 0 && inX < size - 2 * pad && inY < size - 2 * pad;
      let colour = null;
      if (inside) {
        const col = inX < half ? 0 : inX >= half + gap ? 1 : -1;
        const line = inY < half ? 0 : inY >= half + gap ? 1 : -1;
        colour = col < 0 || line < 0 ? FRAME : METALS[line * 2 + col];
      } else if (x < pad || y < pad || x >= size - pad || y >= size - pad) {
        colour = FRAME;
      }
      const [r, g, b] = colour ? rgb(colour) : [0, 0, 0];
      row.push(r, g, b, colour ? 255 : 0);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
