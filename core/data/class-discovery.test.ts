import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  discoverClasses,
  hasAcceptedExtension,
  sortClassNames,
} from './class-discovery';

const file = (path: string) => ({ path, size: 10, mtimeMs: 1 });

describe('class names', () => {
  it('sorts by code point like Python sorted(), not by UTF-16 units', () => {
    // U+FF46 (ｆ) < U+1F600 (😀) by code point, but the emoji's surrogate 0xD83D < 0xFF46.
    const names = ['😀', 'ｆ', 'b', 'B', '猫', '狗'];
    expect([...names].sort()).not.toEqual(sortClassNames(names));
    expect(sortClassNames(names)).toEqual(
      ['B', 'b', 'ｆ', '狗', '猫', '😀'].sort(compareCodePoints),
    );
    expect(sortClassNames(names)).toEqual(['B', 'b', '狗', '猫', 'ｆ', '😀']);
  });
  it('NFC-normalises so NFD and NFC spellings are one class', () => {
    expect(sortClassNames(['cafe\u0301', 'caf\u00e9'])).toEqual(['caf\u00e9']);
  });
});

describe('discoverClasses', () => {
  it('takes the first path segment as the class and includes nested subfolders', () => {
    const d = discoverClasses(
      [file('猫/a.png'), file('猫/2024/b.JPG'), file('狗/c.jpeg'), file('dog 🐶/d.webp')],
      'image',
    );
    expect(d.classNames).toEqual(['dog 🐶', '狗', '猫']);
    expect(d.candidates.map((c) => [c.path, c.className])).toContainEqual(['猫/2024/b.JPG', '猫']);
  });
  it('reports files at the root and empty class folders separately', () => {
    const d = discoverClasses([file('readme.png'), file('a/x.png')], 'image', ['a', 'empty']);
    expect(d.rootFiles).toEqual(['readme.png']);
    expect(d.emptyClasses).toEqual(['empty']);
    expect(d.classNames).toEqual(['a']);
  });
  it('treats a class with only unsupported files as empty and lists those files', () => {
    const d = discoverClasses([file('a/x.png'), file('b/notes.pdf'), file('b/a.jpg.exe')], 'image');
    expect(d.emptyClasses).toEqual(['b']);
    expect(d.unsupported).toEqual(['b/a.jpg.exe', 'b/notes.pdf']);
  });
  it('accepts only .txt for text, case-insensitively', () => {
    expect(hasAcceptedExtension('a/b.TXT', 'text')).toBe(true);
    expect(hasAcceptedExtension('a/b.csv', 'text')).toBe(false);
    expect(hasAcceptedExtension('a.d/noext', 'image')).toBe(false);
  });
  it('is stable: the same files in any order give the same result', () => {
    const files = [file('b/2.png'), file('a/1.png'), file('b/1.png')];
    expect(discoverClasses(files, 'image')).toEqual(discoverClasses([...files].reverse(), 'image'));
  });
});
