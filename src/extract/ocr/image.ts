/** 8-bit grayscale images as plain arrays, read from and written to PGM (the format pdftoppm and tesseract share). */

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Largest page image accepted (a 600 dpi A3 page is ~7000 × 9900). */
const MAX_PIXELS = 80_000_000;

export function readPgm(buf: Uint8Array): Gray {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < buf.length && /\s/.test(String.fromCharCode(buf[pos]!))) pos++;
      if (buf[pos] === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else break;
    }
    let s = '';
    while (pos < buf.length && !/\s/.test(String.fromCharCode(buf[pos]!))) s += String.fromCharCode(buf[pos++]!);
    return s;
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++;
  if (!(width > 0 && height > 0 && width * height <= MAX_PIXELS) || max !== 255) throw new Error(`unsupported PGM ${width}x${height} max ${max}`);
  return { width, height, data: buf.subarray(pos, pos + width * height) };
}

export function writePgm(img: Gray): Buffer {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([head, Buffer.from(img.data.buffer, img.data.byteOffset, img.width * img.height)]);
}

export function blank(width: number, height: number): Gray {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

/** Copies the region (x, y, w, h) of `src`, scaled by an integer factor (nearest neighbour), into `dst` at (dx, dy). */
export function blit(src: Gray, x: number, y: number, w: number, h: number, dst: Gray, dx: number, dy: number, scale = 1): void {
  for (let j = 0; j < h * scale; j++) {
    const sy = y + Math.floor(j / scale);
    if (sy < 0 || sy >= src.height || dy + j >= dst.height) continue;
    for (let i = 0; i < w * scale; i++) {
      const sx = x + Math.floor(i / scale);
      if (sx < 0 || sx >= src.width || dx + i >= dst.width) continue;
      dst.data[(dy + j) * dst.width + dx + i] = src.data[sy * src.width + sx]!;
    }
  }
}

/** Dark pixels in a region and their bounding box (ink of a cell, after rules were erased). */
export function ink(img: Gray, x: number, y: number, w: number, h: number, threshold = 160): { count: number; x0: number; y0: number; x1: number; y1: number } {
  let count = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let j = Math.max(0, y); j < Math.min(img.height, y + h); j++) {
    for (let i = Math.max(0, x); i < Math.min(img.width, x + w); i++) {
      if (img.data[j * img.width + i]! < threshold) {
        count++;
        if (i < x0) x0 = i;
        if (i > x1) x1 = i;
        if (j < y0) y0 = j;
        if (j > y1) y1 = j;
      }
    }
  }
  return { count, x0, y0, x1, y1 };
}
