import { parse as parseJs } from 'acorn';
import { describe, expect, it } from 'vitest';

import {
  csvCell,
  htmlText,
  jsString,
  mdText,
  oneLine,
  pyComment,
  pyDocstring,
  pyIdentifier,
  pyString,
  tsvCell,
  xmlText,
} from './index';

describe('escaping per output language', () => {
  it('Python: literals escape quotes, backslashes, controls and bidi characters', () => {
    expect(pyString('a"b\\c\nd\u0000\u202e')).toBe('"a\\"b\\\\c\\x0ad\\x00\\u202e"');
    expect(pyDocstring('"""\nx\r')).toBe('"""\\"\\"\\"\nx\\x0d"""');
    expect(pyString('中文🙂')).toBe('"中文🙂"');
  });

  it('Python: comments stay one line and cannot declare a source encoding', () => {
    expect(pyComment('a\nb\r\u2028c')).toBe('a\\x0ab\\x0d\\u2028c');
    expect(pyComment('-*- coding: utf-7 -*-')).toBe('-*- coding : utf-7 -*-');
    expect(pyComment('x'.repeat(300)).length).toBe(201);
  });

  it('Python: identifiers are ASCII, never keywords, dunders or reserved names', () => {
    expect(pyIdentifier('conv 1')).toBe('conv_1');
    expect(pyIdentifier('import')).toBe('layer_import');
    expect(pyIdentifier('__class__')).toBe('layer___class__');
    expect(pyIdentifier('1st')).toBe('layer_1st');
    expect(pyIdentifier('forward', new Set(['forward']))).toBe('layer_forward');
    expect(pyIdentifier('卷积')).toBe('layer___');
  });

  it('HTML and XML: markup characters become references, unrepresentable controls U+FFFD', () => {
    expect(htmlText('</script><b a="1">\'&')).toBe(
      '&lt;/script&gt;&lt;b a=&quot;1&quot;&gt;&#39;&amp;',
    );
    expect(htmlText('a\u0000b\u202ec\rd')).toBe('a\ufffdb&#x202e;c\ufffdd');
    expect(xmlText('a\u0000b\tc\rd]]>')).toBe('a\ufffdb&#x9;c&#xd;d]]&gt;');
  });

  it('JavaScript: a string literal that reads back as the string, with no markup or invisible characters', () => {
    const hostile = '</script><!--"\'\\\n\u0000\u2028\u202e\ud800${x}` 猫 😀 «é»';
    const literal = jsString(hostile);
    expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
    expect(literal).not.toMatch(/[<>]/);
    // A JavaScript parser reads the literal back as the very string.
    const program = parseJs(literal, { ecmaVersion: 'latest' });
    const statement = program.body[0];
    expect(statement?.type === 'ExpressionStatement' && statement.expression).toMatchObject({
      type: 'Literal',
      value: hostile,
    });
  });

  it('Markdown: a name cannot start a block, a link or raw HTML', () => {
    expect(mdText('x\n# h [l](javascript:1) <b>')).toBe(
      'x&#xa;\\# h \\[l\\]\\(javascript:1\\) \\<b\\>',
    );
    expect(mdText('  a ')).toBe('&#x20;&#x20;a&#x20;');
  });

  it('CSV/TSV: formulas are defused, rows cannot break', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell('nul\u0000')).toBe('nul\ufffd');
    expect(tsvCell('a\tb\nc')).toBe('a b c');
  });

  it('lines: every line break splitlines() knows becomes a space', () => {
    expect(oneLine('a\nb\rc\u2028d\u0085e\u000bf\u001cg')).toBe('a b c d e f g');
  });
});
