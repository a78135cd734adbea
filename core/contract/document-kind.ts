import type { DocumentKind } from './host';

/**
 * The file extensions LayerLab opens (electron-builder.yml registers each as a
 * file association), by what they hold.
 */
export const documentExtensions: Readonly<Record<DocumentKind, string>> = {
  project: '.layerlab',
  pack: '.layerlab-pack',
  submission: '.layerlab-submission',
};

/** The kind an extension names, or null for a file that is none of ours. */
export function documentKindOfName(fileName: string): DocumentKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(documentExtensions.pack)) return 'pack';
  if (lower.endsWith(documentExtensions.submission)) return 'submission';
  if (lower.endsWith(documentExtensions.project)) return 'project';
  return null;
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/**
 * What a file is, by its name and then by its first bytes (a renamed or
 * extension-less file still opens as what it holds): a zip is a lab package,
 * JSON naming the submission format is a submission, anything else is read
 * as a project (whose own parser then says what is wrong with it).
 */
export function documentKindOf(fileName: string, head: Uint8Array): DocumentKind {
  const byName = documentKindOfName(fileName);
  if (byName !== null) return byName;
  if (zipMagic.every((byte, i) => head[i] === byte)) return 'pack';
  const text = asciiOf(head.subarray(0, 512));
  if (/^\s*\{[\s\S]*"format"\s*:\s*"layerlab-submission"/.test(text)) return 'submission';
  return 'project';
}

function asciiOf(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : ' ';
  return text;
}
