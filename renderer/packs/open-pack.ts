import { formatPackMessage, packLimits, readPack, type LabPack, type Locale } from '@core';

/** Reads a chosen `.layerlab-pack` file; a refusal comes back worded in `locale`. */
export async function readPackFile(
  file: File,
  locale: Locale,
): Promise<{ ok: true; pack: LabPack } | { ok: false; message: string }> {
  if (file.size > packLimits.maxFileBytes)
    return {
      ok: false,
      message: formatPackMessage('pack-too-large', { max: packLimits.maxFileBytes }, locale),
    };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: formatPackMessage('pack-truncated', {}, locale) };
  }
  const read = readPack(bytes);
  return read.ok
    ? { ok: true, pack: read.value }
    : { ok: false, message: formatPackMessage(read.error.code, read.error.args, locale) };
}
