import { formatPackMessage, packLimits, readPack, type LabPack, type Locale } from '@core';

/** Reads a `.layerlab-pack` file's bytes; a refusal comes back worded in `locale`. */
export function readPackBytes(
  bytes: Uint8Array,
  locale: Locale,
): { ok: true; pack: LabPack } | { ok: false; message: string } {
  if (bytes.byteLength > packLimits.maxFileBytes)
    return {
      ok: false,
      message: formatPackMessage('pack-too-large', { max: packLimits.maxFileBytes }, locale),
    };
  const read = readPack(bytes);
  return read.ok
    ? { ok: true, pack: read.value }
    : { ok: false, message: formatPackMessage(read.error.code, read.error.args, locale) };
}
