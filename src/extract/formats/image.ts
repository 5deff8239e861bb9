/**
 * Bare page images (JPEG, PNG) for OCR: decoded in JS to 8-bit grey, then the same cell pipeline as scanned PDFs.
 * JPEG uses pdf.js's decoder (already installed for the CMaps); PNG is inflate + unfilter (8-bit, non-interlaced).
 * TIFF and other PNG variants are not decoded: the caller reports `needs_ocr`.
 */
import { inflateSync } from 'node:zlib';
// @ts-expect-error pdf.js ships no types for its standalone image decoders
import { JpegImage } from 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs';
import { linesToText } from '../layout/lines.ts';
import type { Gray } from '../ocr/image.ts';
import { ocrPage } from '../ocr/page.ts';
import { ToolMissingError, which } from '../tools.ts';
import type { Extracted } from '../types.ts';

export class ImageDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageDecodeError';
  }
}

const MAX_PIXELS = 80_000_000;

export async function readImage(bytes: Uint8Array, type: 'jpeg' | 'png', opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Extracted> {
  if (!which('tesseract', opts.env)) throw new ToolMissingError('tesseract');
  const lines = await ocrPage(decodeImage(bytes, type), 1, opts);
  return { text: linesToText(lines), lines, ocr: true };
}

/** A JPEG or PNG decoded to 8-bit grey; ImageDecodeError for a variant not decoded here. */
export function decodeImage(bytes: Uint8Array, type: 'jpeg' | 'png'): Gray {
  return type === 'jpeg' ? decodeJpeg(bytes) : decodePng(bytes);
}

function decodeJpeg(bytes: Uint8Array): Gray {
  const jpeg = new JpegImage();
  jpeg.parse(bytes);
  const { width, height, numComponents } = jpeg as { width: number; height: number; numComponents: number };
  if (!(width * height > 0 && width * height <= MAX_PIXELS)) throw new ImageDecodeError(`image of ${width}x${height} pixels`);
  const data = jpeg.getData({ width, height, forceRGB: false, isSourcePDF: false }) as Uint8Array;
  return { width, height, data: toGray(data, numComponents === 1 ? 1 : numComponents === 4 ? 4 : 3, width * height) };
}

function toGray(data: Uint8Array, channels: number, n: number): Uint8Array {
  if (channels === 1) return data.subarray(0, n);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    out[i] = Math.round(0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!);
  }
  return out;
}

function decodePng(bytes: Uint8Array): Gray {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let pos = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  while (pos + 8 <= b.length) {
    const len = b.readUInt32BE(pos);
    const kind = b.toString('latin1', pos + 4, pos + 8);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      colour = body[9]!;
      interlace = body[12]!;
    } else if (kind === 'PLTE') palette = body;
    else if (kind === 'IDAT') idat.push(body);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (depth !== 8 || interlace !== 0 || !channels) throw new ImageDecodeError(`PNG depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  if (!(width * height > 0 && width * height <= MAX_PIXELS)) throw new ImageDecodeError(`image of ${width}x${height} pixels`);
  const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (width * channels + 1) * height + 1 });
  const stride = width * channels;
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const up = y > 0 ? px[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      const pred = filter === 1 ? a : filter === 2 ? up : filter === 3 ? (a + up) >> 1 : filter === 4 ? paeth(a, up, c) : 0;
      px[row + x] = (v + pred) & 0xff;
    }
  }
  let gray: Uint8Array;
  if (colour === 3) {
    if (!palette) throw new ImageDecodeError('PNG palette missing');
    gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) {
      const p = px[i]! * 3;
      gray[i] = Math.round(0.299 * palette[p]! + 0.587 * palette[p + 1]! + 0.114 * palette[p + 2]!);
    }
  } else if (colour === 4) {
    gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = px[i * 2]!;
  } else gray = toGray(px, channels, width * height);
  return { width, height, data: gray };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
