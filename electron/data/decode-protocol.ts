import type { SkipReason } from '../../core/data/index';
import type { TargetOptions } from './decode-image-node';

/** Main thread → decode worker: decode these files of `root`. */
export interface DecodeRequest {
  id: number;
  root: string;
  paths: string[];
  target: TargetOptions;
  sampleBytes: number;
}

/** Per-file outcome; `ok` files have their pixels at `index × sampleBytes` in `pixels`. */
export type DecodeOutcome =
  | { ok: true; hash: string; width: number; height: number }
  | { ok: false; reason: SkipReason; detail?: string };

/** Decode worker → main thread. */
export interface DecodeReply {
  id: number;
  pixels: Uint8Array;
  outcomes: DecodeOutcome[];
}
