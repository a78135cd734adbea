/**
 * File and folder names that work on Windows, macOS and Linux alike.
 * Windows is the strictest: no `<>:"/\|?*` or control characters, no trailing
 * dot or space, and no device names (`CON`, `NUL`, `COM1`… even with an
 * extension, as in `con.txt`).
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what Windows forbids
const forbiddenChars = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const reservedBase = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Bytes, not characters: ext4 and APFS cap names at 255 bytes; leave room for temp suffixes. */
const maxNameBytes = 200;

/** True when Windows reserves `name` (ignoring any extension). */
export function isReservedName(name: string): boolean {
  const base = name.split('.')[0] ?? '';
  return reservedBase.test(base.trimEnd());
}

/**
 * Turns what the user typed into a safe folder name, keeping Chinese text
 * and spaces: forbidden characters become `_`, trailing dots/spaces go,
 * reserved device names get a `_` suffix, and an empty result becomes
 * `fallback`.
 */
export function sanitizeName(typed: string, fallback = 'export'): string {
  let name = typed.normalize('NFC').replace(forbiddenChars, '_').trim();
  name = name.replace(/[. ]+$/u, '');
  name = truncateUtf8(name, maxNameBytes).replace(/[. ]+$/u, '');
  if (name === '' || /^\.+$/.test(name) || /^_+$/.test(name)) return fallback;
  if (isReservedName(name)) {
    const dot = name.indexOf('.');
    name = dot === -1 ? `${name}_` : `${name.slice(0, dot)}_${name.slice(dot)}`;
  }
  return name;
}

/** True when `name` is already portable (used to refuse bad names in export file maps). */
export function isPortableName(name: string): boolean {
  return (
    name !== '' &&
    !new RegExp(forbiddenChars.source).test(name) &&
    !/[. ]$/.test(name) &&
    !isReservedName(name) &&
    utf8Length(name) <= 255
  );
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  for (const char of text) {
    if (utf8Length(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}
