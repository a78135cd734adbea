import { describe, expect, it } from 'vitest';

import { isPortableName, isReservedName, sanitizeName } from './portable-name';

describe('sanitizeName', () => {
  it.each([
    ['my model', 'my model'],
    ['猫狗 分类器 v2', '猫狗 分类器 v2'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a_b_c_d_e_f_g_h_i_j'],
    ['trailing dots...', 'trailing dots'],
    ['trailing space   ', 'trailing space'],
    ['CON', 'CON_'],
    ['con', 'con_'],
    ['nul.txt', 'nul_.txt'],
    ['COM1', 'COM1_'],
    ['LPT9', 'LPT9_'],
    ['CONSOLE', 'CONSOLE'],
    ['', 'export'],
    ['...', 'export'],
    ['///', 'export'],
    ['tab\there', 'tab_here'],
  ])('%j → %j', (typed, expected) => {
    expect(sanitizeName(typed)).toBe(expected);
  });

  it('normalises to NFC (macOS hands out NFD names)', () => {
    expect(sanitizeName('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('caps long names at 200 UTF-8 bytes without splitting a character', () => {
    const name = sanitizeName('图'.repeat(100));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name).toBe('图'.repeat(66));
  });
});

describe('isReservedName / isPortableName', () => {
  it('knows the Windows device names, with or without extension', () => {
    expect(['CON', 'prn', 'Aux', 'NUL.txt', 'com3.json', 'LPT1'].every(isReservedName)).toBe(true);
    expect(['CONSOLE', 'auxiliary', 'com10'].some(isReservedName)).toBe(false);
  });

  it('accepts ordinary export file names and refuses the rest', () => {
    expect(['model.json', 'group1-shard1of1.bin', '标签.txt'].every(isPortableName)).toBe(true);
    expect(['a:b', 'x.', 'CON', '', 'a\u0001'].some(isPortableName)).toBe(false);
  });
});
