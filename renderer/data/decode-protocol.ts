import type { FileCheck, ImageOptions } from '@core';

/** What the decoder needs of the image options. */
export type DecodeTarget = Pick<ImageOptions, 'width' | 'height' | 'resizeMode' | 'colorMode'>;

/** Page → decode worker: decode these files (bytes transferred, not copied). */
export interface DecodeRequest {
  readonly id: number;
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
  readonly target: DecodeTarget;
}

/** Decode worker → page. File k's pixels sit at `k × sampleBytes` in `pixels` when its check is ok. */
export interface DecodeReply {
  readonly id: number;
  readonly pixels: Uint8Array;
  readonly checks: readonly FileCheck[];
}
