import { parseLabFile, serializeLabFile, type LabFile } from '@core';
import { describe, expect, it } from 'vitest';

import { defaultLabFile } from '../lab-defaults';

describe('GAN lab file', () => {
  it('saves to a lab file and opens again unchanged, stepper stage included', () => {
    const opened = defaultLabFile('gan');
    if (opened.lab !== 'gan') throw new Error('not the GAN lab');
    const file: LabFile = { lab: 'gan', state: { ...opened.state, stage: 2, etaG: 0.25 } };
    const back = parseLabFile(serializeLabFile(file));
    expect(back).toEqual({ ok: true, value: file });
  });

  it('refuses a batch larger than the lab can show, naming the field', () => {
    const opened = defaultLabFile('gan');
    if (opened.lab !== 'gan') throw new Error('not the GAN lab');
    const text = serializeLabFile({
      lab: 'gan',
      state: { ...opened.state, noise: [1, 2, 3, 4, 5] },
    });
    const back = parseLabFile(text);
    expect(back.ok).toBe(false);
    if (!back.ok)
      expect(back.error).toMatchObject({ code: 'lab-file-invalid', path: 'state.noise' });
  });
});
