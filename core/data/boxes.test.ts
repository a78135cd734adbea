import { describe, expect, it } from 'vitest';

import {
  boxesForSamples,
  maxVocXmlBytes,
  parseBoxesCsv,
  parseBoxesJson,
  parseVocXml,
} from './boxes';

describe('boxes files', () => {
  it('reads boxes.csv with its header in any order, quotes, a BOM and Windows line ends', () => {
    const parsed = parseBoxesCsv(
      '\uFEFFclass,file,x,y,width,height\r\ncat,"cat/a, b.png",1,2,30,40\r\ndog,dog\\c.png,0,0,64,64\r\n\r\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { file: 'cat/a, b.png', x: 1, y: 2, width: 30, height: 40 },
      { file: 'dog/c.png', x: 0, y: 0, width: 64, height: 64 },
    ]);
  });

  it('reports rows it cannot read and a header without the columns, by line', () => {
    const parsed = parseBoxesCsv(
      'file,x,y,width,height\na.png,1,2,three,4\n,1,2,3,4\nb.png,1,2,3,4',
    );
    expect(parsed.rows.map((r) => r.file)).toEqual(['b.png']);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(parseBoxesCsv('name,left,top\na,1,2').problems[0]?.line).toBe(1);
  });

  it('reads boxes.json as an array of objects and refuses anything else', () => {
    expect(parseBoxesJson('[{"file":"a/1.png","x":1,"y":2,"width":3,"height":4}]').rows).toEqual([
      { file: 'a/1.png', x: 1, y: 2, width: 3, height: 4 },
    ]);
    expect(parseBoxesJson('{"a":1}').problems).toHaveLength(1);
    expect(parseBoxesJson('not json').problems).toHaveLength(1);
    expect(
      parseBoxesJson('[{"file":"a.png","x":"1e999","y":0,"width":1,"height":1}]').problems,
    ).toHaveLength(1);
  });
});

describe('Pascal VOC annotations', () => {
  const voc = (object: string, extra = '') => `<?xml version="1.0"?>${extra}
<annotation><folder>cats</folder><filename>cat &amp; co.jpg</filename>
<size><width>200</width><height>100</height><depth>3</depth></size>
${object}</annotation>`;

  it('reads the file name, the image size and the first object', () => {
    const parsed = parseVocXml(
      voc(
        '<object><name>cat</name><bndbox><xmin>10</xmin><ymin>20</ymin><xmax>110</xmax><ymax>70</ymax></bndbox></object>' +
          '<object><name>dog</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object>',
      ),
    );
    expect(parsed).toEqual({
      filename: 'cat & co.jpg',
      imageWidth: 200,
      imageHeight: 100,
      className: 'cat',
      box: { x: 10, y: 20, width: 100, height: 50 },
    });
  });

  it('refuses hostile files: entity declarations (billion laughs, external entities), oversize, garbage', () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    expect(parseVocXml(voc('<object><name>&lol2;</name></object>', laughs))).toHaveProperty(
      'error',
    );
    const external = '<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    expect(parseVocXml(voc('<object><name>&xxe;</name></object>', external))).toHaveProperty(
      'error',
    );
    expect(parseVocXml(' '.repeat(maxVocXmlBytes + 1))).toHaveProperty('error');
    expect(parseVocXml('<annotation><object><name>x</name></object></annotation>')).toHaveProperty(
      'error',
    );
    expect(
      parseVocXml(
        voc(
          '<object><name>x</name><bndbox><xmin>a</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object>',
        ),
      ),
    ).toHaveProperty('error');
    expect(parseVocXml('<<<>>>&&&')).toHaveProperty('error');
  });

  it('decodes only the predefined entities, never a numeric or named one of its own', () => {
    const parsed = parseVocXml(
      voc(
        '<object><name>&#60;b&#62; &unknown; &lt;i&gt;</name><bndbox><xmin>0</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object>',
      ),
    );
    expect(parsed).toHaveProperty('className', '&#60;b&#62; &unknown; <i>');
  });
});

describe('boxes matched to the images', () => {
  const samples = [
    { key: 'a/1.png', width: 64, height: 32 },
    { key: 'a/2.png', width: 64, height: 64 },
    { key: 'b/3.png', width: 64, height: 64 },
    { key: 'b/4.png', width: 64, height: 64 },
  ];

  it('normalises each box by its image size, in sample order', () => {
    const parsed = parseBoxesCsv(
      'file,x,y,width,height\nb/3.png,0,0,64,64\na/1.png,16,8,32,16\na/2.png,32,32,16,16\nb/4.png,8,8,8,8',
    );
    const { boxes, issues } = boxesForSamples(parsed, samples);
    expect(issues).toEqual([]);
    expect(Array.from(boxes)).toEqual([
      0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0, 0, 1, 1, 0.125, 0.125, 0.125, 0.125,
    ]);
  });

  it('reports missing boxes and zero areas as errors, outside and unmatched boxes as warnings (clipped)', () => {
    const parsed = parseBoxesCsv(
      'file,x,y,width,height\na/1.png,-16,0,32,16\na/2.png,10,10,0,5\nb/3.png,48,48,32,32\nc/9.png,1,1,1,1\nbad,1',
    );
    const { boxes, issues } = boxesForSamples(parsed, samples);
    const found = Object.fromEntries(
      issues.map((i) => [i.code, [i.severity, i.count, i.values?.['first']]]),
    );
    expect(found).toEqual({
      'dataset-boxes-missing': ['error', 1, 'b/4.png'],
      'dataset-boxes-zero-area': ['error', 1, 'a/2.png'],
      'dataset-boxes-outside': ['warning', 2, 'a/1.png'],
      'dataset-boxes-unmatched': ['warning', 1, 'c/9.png'],
      'dataset-boxes-unreadable': ['warning', 1, undefined],
    });
    expect(Array.from(boxes.subarray(0, 4))).toEqual([0, 0, 0.25, 0.5]);
    expect(Array.from(boxes.subarray(8, 12))).toEqual([0.75, 0.75, 0.25, 0.25]);
  });
});
