// core/ has no DOM lib, but TextEncoder/TextDecoder exist in Node, browsers and workers.
interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
interface TextEncoderLike {
  encode(text: string): Uint8Array;
}
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;
declare const TextEncoder: new () => TextEncoderLike;

/** UTF-8 text → bytes (used for every text file of an export). */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Bytes → text; invalid sequences become U+FFFD instead of throwing (the caller validates the content). */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
