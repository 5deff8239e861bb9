/**
 * Password-protected Office documents. An encrypted DOCX or XLSX is not a ZIP at all: Office wraps the encrypted
 * package in an OLE (CFB) container holding an `EncryptionInfo` and an `EncryptedPackage` stream (MS-OFFCRYPTO).
 */
import CFB from 'cfb';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are an encrypted OOXML package (DOCX, XLSX, PPTX under a password). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!OLE_MAGIC.every((v, i) => bytes[i] === v)) return false;
  try {
    const cfb = CFB.read(bytes, { type: 'array' });
    const streams = new Set(cfb.FullPaths.map((p) => p.replace(/^Root Entry\//, '').replace(/\/$/, '')));
    return streams.has('EncryptionInfo') && streams.has('EncryptedPackage');
  } catch {
    return false;
  }
}
