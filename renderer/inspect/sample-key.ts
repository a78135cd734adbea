import type { SampleRef } from '../workers/inspect-protocol';

let imageCounter = 0;
const imageKeys = new WeakMap<object, number>();

/** A stable string for a sample reference, used to decide when to re-request. */
export function sampleKey(sample: SampleRef): string {
  switch (sample.source) {
    case 'validation':
      return `v${sample.index}`;
    case 'test':
      return `s${sample.index}`;
    case 'text':
      return `t${sample.text}`;
    case 'image':
    case 'input': {
      const obj = sample.source === 'image' ? sample.rgba : sample.input.values;
      let k = imageKeys.get(obj);
      if (k === undefined) {
        k = ++imageCounter;
        imageKeys.set(obj, k);
      }
      return `i${k}`;
    }
  }
}
