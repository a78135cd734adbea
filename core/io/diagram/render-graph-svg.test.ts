import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { inferShapes } from '../../shapes/index';
import { exportModel } from '../export/export-model';
import { buildTestModel } from '../export/testing/test-models';
import { importLayersModel } from '../import/import-model';
import { renderGraphSvg } from './render-graph-svg';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function cnnDoc() {
  const { model, info } = await buildTestModel('cnn');
  const imported = importLayersModel(await exportModel(model, info));
  if (!imported.ok) throw new Error(imported.error.message);
  const params = model.countParams();
  model.dispose();
  return { doc: imported.value.doc, params };
}

describe('renderGraphSvg', () => {
  it('draws one box per layer with its output shape and parameter count, and the TF.js total', async () => {
    const { doc, params } = await cnnDoc();
    const svg = renderGraphSvg(doc, inferShapes(doc), 'en', 'CNN <demo>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g data-node=/g)?.length).toBe(Object.keys(doc.nodes).length);
    expect(svg.match(/marker-end="url\(#arrow\)"/g)?.length).toBe(Object.keys(doc.edges).length);
    // conv_a: 3·3·1·4 + 4 = 40 params, output 12 × 12 × 4.
    expect(svg).toMatch(/<g data-node="conv_a">.*12 × 12 × 4.*40 params/s);
    expect(svg).toContain(`Total parameters: ${params.toLocaleString('en-US')}`);
    expect(svg).toContain('CNN &lt;demo&gt;');
  });

  it('speaks Chinese with a CJK-capable font', async () => {
    const { doc } = await cnnDoc();
    const svg = renderGraphSvg(doc, inferShapes(doc), 'zh-CN');
    expect(svg).toContain('二维卷积');
    expect(svg).toContain('参数总数');
    expect(svg).toMatch(/font-family="'Noto Sans CJK SC'/);
  });

  it('marks nodes whose shape is unknown instead of failing', async () => {
    const { doc } = await cnnDoc();
    const svg = renderGraphSvg(doc, new Map(), 'en');
    expect(svg.match(/shape unknown/g)?.length).toBe(Object.keys(doc.nodes).length);
    expect(svg).toContain('Total parameters: 0');
  });
});
