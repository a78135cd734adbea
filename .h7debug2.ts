import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { exportModel, importLayersModel, inferShapes, renderGraphSvg } from './core/index';
import { buildTestModel } from './core/io/export/testing/test-models';
await tf.setBackend('cpu');
for (const kind of ['cnn', 'branch'] as const) {
  const { model, info } = await buildTestModel(kind);
  const imp = importLayersModel(await exportModel(model, info));
  if (!imp.ok) throw new Error(imp.error.message);
  const svg = renderGraphSvg(imp.value.doc, inferShapes(imp.value.doc), 'zh-CN', '卷积网络 CNN');
  writeFileSync(`/tmp/h7/${kind}.svg`, svg);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const page = await browser.newPage();
for (const kind of ['cnn', 'branch']) {
  const { readFileSync } = await import('node:fs');
  await page.setContent(`<html><body style="margin:0">${readFileSync(`/tmp/h7/${kind}.svg`, 'utf8')}</body></html>`);
  await page.screenshot({ path: `/tmp/h7/${kind}.png`, fullPage: true });
}
await browser.close();
