/**
 * A fast content hash for finding exact duplicate files (the same photo copied
 * into two classes is a common classroom mistake). Two independent 32-bit
 * hashes (FNV-1a and a multiplicative one) plus the length make accidental
 * collisions negligible at classroom and benchmark scales; this is not a
 * cryptographic hash and is never used for security.
 */
export function contentHash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x12345678;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 + b, 0x9e3779b1) ^ (h2 >>> 15);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${bytes.length}`;
}
