import { bytesToBase64 } from '../io/trained-model/base64';
import type { ZipFiles } from './zip-read';

const signatures: readonly { readonly mime: string; readonly test: (b: Uint8Array) => boolean }[] =
  [
    {
      mime: 'image/png',
      test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
    },
    { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
    {
      mime: 'image/gif',
      test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
    },
    {
      mime: 'image/webp',
      test: (b) =>
        b[0] === 0x52 && b[1] === 0x49 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42,
    },
  ];

/** Largest image an instruction may show. */
const maxImageBytes = 4 * 1024 * 1024;

/**
 * A `data:` URL for an image of the package named in its instructions, or
 * null. Only PNG, JPEG, GIF and WebP, recognised by their bytes (never by
 * name): an SVG, which can carry script, is never shown.
 */
export function packImageDataUrl(files: ZipFiles, path: string): string | null {
  const bytes = files.get(path.replace(/^\.\//, ''));
  if (!bytes || bytes.length > maxImageBytes) return null;
  const kind = signatures.find((s) => s.test(bytes));
  return kind ? `data:${kind.mime};base64,${bytesToBase64(bytes)}` : null;
}
