// A minimal PNG encoder for RGBA pixels: indexed (palette) when the image has at most 256 colours, as cards do,
// which makes them about three times smaller than the renderer's own RGBA output; truecolour with alpha otherwise.
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes `rgba` (width × height × 4 bytes, straight alpha) as PNG, losslessly. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const colours = new Map<number, number>();
  for (let i = 0; i < rgba.length && colours.size <= 256; i += 4) {
    const c = ((rgba[i]! << 24) | (rgba[i + 1]! << 16) | (rgba[i + 2]! << 8) | rgba[i + 3]!) >>> 0;
    if (!colours.has(c)) colours.set(c, colours.size);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  if (colours.size <= 256) {
    ihdr[9] = 3; // indexed
    const palette = Buffer.alloc(colours.size * 3);
    const alpha = Buffer.alloc(colours.size);
    for (const [c, i] of colours) {
      palette[i * 3] = c >>> 24;
      palette[i * 3 + 1] = (c >>> 16) & 0xff;
      palette[i * 3 + 2] = (c >>> 8) & 0xff;
      alpha[i] = c & 0xff;
    }
    const raw = Buffer.alloc((width + 1) * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const s = (y * width + x) * 4;
        raw[y * (width + 1) + 1 + x] = colours.get(((rgba[s]! << 24) | (rgba[s + 1]! << 16) | (rgba[s + 2]! << 8) | rgba[s + 3]!) >>> 0)!;
      }
    const opaque = alpha.every((a) => a === 255);
    return Buffer.concat([
      SIGNATURE,
      chunk("IHDR", ihdr),
      chunk("PLTE", palette),
      ...(opaque ? [] : [chunk("tRNS", alpha)]),
      chunk("IDAT", deflateSync(raw, { level: 9 })),
      chunk("IEND", new Uint8Array()),
    ]);
  }
  ihdr[9] = 6; // truecolour with alpha
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", new Uint8Array())]);
}
