import { describe, expect, it } from 'vitest';

import { documentKindOf, documentKindOfName } from './document-kind';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('documentKindOf', () => {
  it('names a kind by extension, case-insensitively', () => {
    expect(documentKindOfName('Lab 1.LAYERLAB-PACK')).toBe('pack');
    expect(documentKindOfName('wang.layerlab-submission')).toBe('submission');
    expect(documentKindOfName('net.layerlab')).toBe('project');
    expect(documentKindOfName('notes.txt')).toBeNull();
  });

  it('trusts the extension over the bytes', () => {
    expect(documentKindOf('a.layerlab', bytes('PK\x03\x04'))).toBe('project');
  });

  it('tells a renamed file by its content', () => {
    expect(documentKindOf('download', bytes('PK\x03\x04rest'))).toBe('pack');
    expect(documentKindOf('x.json', bytes('{\n  "format": "layerlab-submission",'))).toBe(
      'submission',
    );
    expect(documentKindOf('x.json', bytes('{"format":"layerlab-project"}'))).toBe('project');
    expect(documentKindOf('empty', new Uint8Array())).toBe('project');
  });
});
