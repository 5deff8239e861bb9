/**
 * A one-page PDF whose lines pdf.js and pdftotext read back as written (Chinese included), for the crawl's tests of
 * documents read by their first page: codes are the characters' own UCS-2 values (Identity-H), mapped back by a
 * ToUnicode CMap; the font (STSong-Light) is not embedded, which text extraction does not need. Lines longer than
 * a page's width are not wrapped: callers give short ones. `links` are URI link annotations on the page.
 */
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export function textPdf(lines: string[], links: string[] = []): Buffer {
  const codes = [...new Set([...lines.join('')].map((c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  const show = lines.map((l) => `<${[...l].map((c) => hex4(c.charCodeAt(0))).join('')}> Tj T*`).join('\n');
  const content = `BT /F1 11 Tf 15 TL 40 800 Td\n${show}\nET`;
  const ranges = codes.map((c) => `<${hex4(c)}> <${hex4(c)}> <${hex4(c)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) blocks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  const cmap = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap', '/CMapName /UCS def /CMapType 2 def', '1 begincodespacerange <0000> <FFFF> endcodespacerange', ...blocks, 'endcmap CMapName currentdict /CMap defineresource pop end end'].join('\n');
  const stream = (s: string) => `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>${links.length ? ` /Annots [${links.map((_, i) => `${9 + i} 0 R`).join(' ')}]` : ''} >>`,
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /ToUnicode 7 0 R /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>',
    stream(cmap),
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    // Link annotations (a Word export's hyperlinks): one strip each, near the top of the page.
    ...links.map((uri, i) => `<< /Type /Annot /Subtype /Link /Rect [40 ${760 - 20 * i} 400 ${775 - 20 * i}] /Border [0 0 0] /A << /S /URI /URI (${uri}) >> >>`),
  ];
  let pdf = '%PDF-1.4\n';
  const at: number[] = [];
  for (const [i, o] of objects.entries()) {
    at.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
