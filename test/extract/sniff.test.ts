import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import { sniffMediaType } from '../../src/extract/sniff.ts';
import { sample } from './helpers.ts';

test('media types from magic bytes, whatever the file is called', () => {
  const cases: [string, string][] = [
    ['s002.pdf', 'pdf'], ['s002.docx', 'docx'], ['s002.doc', 'doc'], ['synth.wps', 'doc'], ['s002.odt', 'odt'],
    ['s002.ofd', 'ofd'], ['s002.tables.xlsx', 'xlsx'], ['s002.tables.xls', 'xls'], ['s002.html', 'html'],
    ['synth.gbk-nometa.html', 'html'], ['synth.word.html', 'html'],
  ];
  for (const [file, type] of cases) assert.equal(sniffMediaType(readFileSync(sample(file)), { fileName: 'download.bin' }), type, file);
});

test('images, plain zips and unknown bytes', () => {
  assert.equal(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'jpeg');
  assert.equal(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'png');
  assert.equal(sniffMediaType(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])), 'tiff');
  assert.equal(sniffMediaType(zipSync({ 'a.txt': strToU8('hello') })), 'zip');
  assert.equal(sniffMediaType(strToU8('just some text')), 'unknown');
  assert.equal(sniffMediaType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'unknown'); // broken zip
});
