import { readFile } from 'node:fs/promises';
import path from 'node:path';

import * as tf from '@tensorflow/tfjs';

import type { Locator, Page } from '@playwright/test';

// Graph and file modules only: core's index also registers TF.js backends in this process.
import { denseChainProjectText } from '../core/fixtures/dense-chain-project';
import { answerChooser, expect, test } from './support/fixtures';

/**
 * The graph editor journey of issue 3, as a new user would do it: build a
 * small CNN from the palette, see shapes and the parameter total (checked
 * against TF.js), undo/redo, save, reopen, break a shape, and keep
 * screenshots of the editor in zh-CN and en. Plus the editing gestures and a
 * template from the start screen.
 */

/** The model the test builds, with every number set explicitly in the inspector. */
const model = {
  input: { height: 28, width: 28, channels: 1 },
  conv: { filters: 8, kernel: 5 },
  dense1: { units: 32 },
  dense2: { units: 10 },
};

/** Expected parameter total by the textbook formulas (no app code involved). */
function expectedParamsByFormula(): number {
  const { input, conv, dense1, dense2 } = model;
  const convParams = conv.kernel * conv.kernel * input.channels * conv.filters + conv.filters;
  const side = Math.floor((input.height - conv.kernel + 1) / 2);
  const flat = side * side * conv.filters;
  return (
    convParams + (flat * dense1.units + dense1.units) + (dense1.units * dense2.units + dense2.units)
  );
}

/** The same model built with TF.js's layers API; its `countParams()` is the reference. */
function expectedParamsByTfjs(): number {
  const { input, conv, dense1, dense2 } = model;
  const x = tf.input({ shape: [input.height, input.width, input.channels] });
  let y = tf.layers
    .conv2d({ filters: conv.filters, kernelSize: conv.kernel, activation: 'relu' })
    .apply(x) as tf.SymbolicTensor;
  y = tf.layers.maxPooling2d({ poolSize: 2 }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.flatten().apply(y) as tf.SymbolicTensor;
  y = tf.layers.dense({ units: dense1.units, activation: 'relu' }).apply(y) as tf.SymbolicTensor;
  y = tf.layers.dense({ units: dense2.units, activation: 'softmax' }).apply(y) as tf.SymbolicTensor;
  const built = tf.model({ inputs: x, outputs: y });
  const count = built.countParams();
  built.dispose();
  return count;
}

function nodeNamed(page: Page, name: string): Locator {
  return page
    .getByTestId('layer-node')
    .filter({ has: page.getByTestId('node-name').getByText(name, { exact: true }) });
}

async function dropLayer(page: Page, kind: string, x: number, y: number): Promise<void> {
  const before = await page.getByTestId('layer-node').count();
  await page
    .getByTestId(`palette-${kind}`)
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
  await expect(page.getByTestId('layer-node')).toHaveCount(before + 1);
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from one node's output port to another's input port, as a user connects layers. */
async function connectLayers(page: Page, from: string, to: string): Promise<void> {
  const edges = await page.locator('.react-flow__edge').count();
  const start = await centreOf(nodeNamed(page, from).locator('.react-flow__handle.source'));
  const end = await centreOf(nodeNamed(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 1);
}

/** Selects a node and types a param value into the inspector (Enter commits one undo step). */
async function setParam(page: Page, layer: string, param: string, value: string): Promise<void> {
  await nodeNamed(page, layer).dblclick();
  await expect(page.getByTestId('inspector').getByTestId('name-input')).toHaveValue(layer);
  const inspector = page.getByTestId('inspector');
  const field = inspector.locator(`[data-param="${param}"]`);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    await field.selectOption(value);
  } else if (tag === 'INPUT') {
    await field.fill(value);
    await field.press('Enter');
  } else {
    // An int list (kernel rows × columns): one box per entry.
    const entries = value.split(',').map((v) => v.trim());
    for (const [i, entry] of entries.entries())
      await inspector.locator(`[data-param="${param}.${i}"]`).fill(entry);
    await inspector.locator(`[data-param="${param}.${entries.length - 1}"]`).press('Enter');
  }
}

/** The saved document without the save time (which differs on every save by design). */
function documentOf(text: string): unknown {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  delete parsed.savedAt;
  return parsed;
}

/** The saved document without the save time and the layers' positions. */
function networkOf(text: string): unknown {
  const parsed = documentOf(text) as { graph: { nodes: Record<string, { position?: unknown }> } };
  for (const node of Object.values(parsed.graph.nodes)) delete node.position;
  return parsed;
}

/** Positions of the saved layers, by id. */
function positionsOf(text: string): Record<string, { x: number; y: number }> {
  const parsed = JSON.parse(text) as {
    graph: { nodes: Record<string, { position: { x: number; y: number } }> };
  };
  return Object.fromEntries(Object.entries(parsed.graph.nodes).map(([id, n]) => [id, n.position]));
}

const expectedShapes: Record<string, string> = {
  image_input_1: '(None, 28, 28, 1)',
  conv2d_1: '(None, 24, 24, 8)',
  max_pooling2d_1: '(None, 12, 12, 8)',
  flatten_1: '(None, 1152)',
  dense_1: '(None, 32)',
  dense_2: '(None, 10)',
};

test('builds a CNN from the palette, checks shapes and parameters, undoes, saves, reopens and surfaces a broken shape', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const total = expectedParamsByFormula();
  expect(expectedParamsByTfjs()).toBe(total);
  const workDir = await app.makeFolder('projects');

  const page = await app.open({ locale: 'zh-CN' });
  await page.getByTestId('start-new').click();
  await expect(page.getByTestId('editor')).toBeVisible();

  // Two columns, so every node stays in view at zoom 1.
  await dropLayer(page, 'ImageInput', 220, 80);
  await dropLayer(page, 'Conv2D', 220, 240);
  await dropLayer(page, 'MaxPooling2D', 220, 400);
  await dropLayer(page, 'Flatten', 220, 560);
  await dropLayer(page, 'Dense', 560, 80);
  await dropLayer(page, 'Dense', 560, 240);

  await connectLayers(page, 'image_input_1', 'conv2d_1');
  await connectLayers(page, 'conv2d_1', 'max_pooling2d_1');
  await connectLayers(page, 'max_pooling2d_1', 'flatten_1');
  await connectLayers(page, 'flatten_1', 'dense_1');
  await connectLayers(page, 'dense_1', 'dense_2');

  await setParam(page, 'conv2d_1', 'filters', String(model.conv.filters));
  await setParam(page, 'conv2d_1', 'kernelSize', `${model.conv.kernel}, ${model.conv.kernel}`);
  await setParam(page, 'dense_1', 'units', String(model.dense1.units));
  await setParam(page, 'dense_2', 'units', String(model.dense2.units));
  await setParam(page, 'dense_2', 'activation', 'softmax');

  for (const [name, shape] of Object.entries(expectedShapes))
    await expect(nodeNamed(page, name).getByTestId('node-shape')).toHaveText(shape);
  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-total', String(total));
  await expect(page.getByTestId('status-problems')).toContainText(/0 个错误/);

  // Screenshots of the finished editor in both languages (kept as artefacts, looked at by people).
  await page.getByTestId('tab-summary').click();
  await app.screenshot(page, 'editor-zh-CN');
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByTestId('tab-summary')).toHaveText('Summary');
  await app.screenshot(page, 'editor-en');
  await page.getByTestId('theme-select').selectOption('dark');
  await app.screenshot(page, 'editor-en-dark');
  await page.getByTestId('theme-select').selectOption('light');
  await page.getByTestId('language-select').selectOption('zh-CN');

  // Undo three steps (activation, units of dense_2, units of dense_1), then redo them.
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 700 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
  await expect(nodeNamed(page, 'dense_1').getByTestId('node-shape')).toHaveText('(None, 64)');
  await expect(page.getByTestId('summary-total')).not.toHaveAttribute('data-total', String(total));
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+Shift+z');
  await expect(nodeNamed(page, 'dense_1').getByTestId('node-shape')).toHaveText('(None, 32)');
  await expect(page.getByTestId('summary-total')).toHaveAttribute('data-total', String(total));

  // Save (Ctrl+S asks where, the first time), then reopen and compare.
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await page.keyboard.press('Control+s');
  await answerChooser(page, path.join(workDir, 'cnn.layerlab'));
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(page.getByTestId('status-file')).toContainText('cnn.layerlab');
  const saved = await readFile(path.join(workDir, 'cnn.layerlab'), 'utf8');

  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('layer-node')).toHaveCount(0);
  await page.keyboard.press('Control+o');
  await answerChooser(page, path.join(workDir, 'cnn.layerlab'));
  // It opens at the readable zoom (titles ≥ 12 px), showing its start; zoomed out, every layer is drawn.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-node-count', '6');
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expect(page.getByTestId('layer-node')).toHaveCount(6);
  for (const [name, shape] of Object.entries(expectedShapes))
    await expect(nodeNamed(page, name).getByTestId('node-shape')).toHaveText(shape);
  await page.keyboard.press('Control+Shift+s');
  await answerChooser(page, path.join(workDir, 'cnn-copy.layerlab'));
  await expect(page.getByTestId('status-file')).toContainText('cnn-copy.layerlab');
  const resaved = await readFile(path.join(workDir, 'cnn-copy.layerlab'), 'utf8');
  // The layers were dropped by hand with edges running upward: the project opened tidied, top to
  // bottom (canvas/layout-quality.ts); everything but the positions is as saved.
  expect(networkOf(resaved)).toEqual(networkOf(saved));
  const tidied = positionsOf(resaved);
  const ys = Object.keys(tidied)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((id) => tidied[id]!.y);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));

  // Break a shape on purpose: a 30×30 kernel does not fit a 28×28 image.
  await setParam(page, 'conv2d_1', 'kernelSize', '30, 30');
  const conv = nodeNamed(page, 'conv2d_1');
  await expect(conv).toHaveAttribute('data-severity', 'error');
  await expect(conv.getByTestId('node-badge')).toHaveAttribute('title', /conv2d_1/);
  await expect(conv.getByTestId('node-message')).toBeVisible();
  await expect(conv.getByTestId('node-shape')).toHaveText('?');
  await page.getByTestId('tab-problems').click();
  await expect(page.getByTestId('problem-count')).toHaveText('1');
  // Clicking the problem selects (and frames) the layer it is about.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(conv).not.toHaveClass(/is-selected/);
  await page.getByTestId('problems-list').locator('[data-code]').first().click();
  await expect(conv).toHaveClass(/is-selected/);
  await app.screenshot(page, 'editor-broken-zh-CN');
});

async function nodeBox(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('node has no box');
  return { x: Math.round(box.x), y: Math.round(box.y) };
}

test('edits like a desktop tool: keyboard add, one undo step per drag, Escape cancels, refusals explained, clipboard', async ({
  app,
}) => {
  const page = await app.open({ locale: 'zh-CN' });
  await page.getByTestId('start-new').click();

  // Keyboard only: Enter on a focused palette item adds it at the view centre;
  // with a layer selected, the new one goes below it, connected.
  await page.getByTestId('palette-Dense').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('palette-Dense').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('layer-node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // Palette items and toolbar buttons are buttons named by their visible label.
  await expect(page.getByRole('button', { name: '全连接层', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toBeEnabled();

  // A drag of many frames is one undo step.
  const dense1 = nodeNamed(page, 'dense_1');
  const start = await nodeBox(dense1);
  const grip = await centreOf(dense1.getByTestId('node-name'));
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x - 250, grip.y + 40, { steps: 15 });
  await page.mouse.up();
  const moved = await nodeBox(dense1);
  expect(moved.x).toBeLessThan(start.x - 200);
  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeBox(dense1)).toEqual(start);
  await page.keyboard.press('Control+y');
  await expect.poll(() => nodeBox(dense1)).toEqual(moved);

  // Escape in the middle of a drag puts the node back and records nothing.
  const grip2 = await centreOf(dense1.getByTestId('node-name'));
  await page.mouse.move(grip2.x, grip2.y);
  await page.mouse.down();
  await page.mouse.move(grip2.x + 200, grip2.y + 100, { steps: 10 });
  await page.keyboard.press('Escape');
  await page.mouse.move(grip2.x + 220, grip2.y + 110, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => nodeBox(dense1)).toEqual(moved);
  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeBox(dense1)).toEqual(start);
  await page.keyboard.press('Control+y');

  // A connection that would close a loop is refused, and the toast says why.
  const from = await centreOf(nodeNamed(page, 'dense_2').locator('.react-flow__handle.source'));
  const to = await centreOf(nodeNamed(page, 'dense_1').locator('.react-flow__handle.target'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('toast').filter({ hasText: 'dense_1' })).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Copy, paste, duplicate and delete through the keyboard.
  await dense1.click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('layer-node')).toHaveCount(3);
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('layer-node')).toHaveCount(4);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('layer-node')).toHaveCount(3);

  // Shift-click adds to the selection; Delete removes both (and their edge).
  await nodeNamed(page, 'dense_1').click();
  await nodeNamed(page, 'dense_2').click({ modifiers: ['Shift'] });
  await expect(page.locator('.layer-node.is-selected')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('layer-node')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('layer-node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Copy two connected layers, start a new project (discarding this one), paste: layers and edge arrive.
  await nodeNamed(page, 'dense_1').click();
  await nodeNamed(page, 'dense_2').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+n');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: '不保存' }).click();
  await expect(page.getByTestId('layer-node')).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('layer-node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('opens a template from the start screen with the course MLP shapes', async ({ app }) => {
  const page = await app.open({ locale: 'en' });
  // The UI follows the OS locale the host reports.
  await expect(page.locator('#root')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('start-new')).toHaveText('New project');
  await page.getByTestId('template-mlp-digits').click();
  await expect(page.getByTestId('layer-node')).toHaveCount(4);
  await page.getByTestId('tab-summary').click();
  // 784·128 + 128 + 128·10 + 10, the course's 784-128-10 network.
  await expect(page.getByTestId('summary-total')).toHaveAttribute(
    'data-total',
    String(784 * 128 + 128 + 128 * 10 + 10),
  );
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  // Browser mode has no native menu: the in-app File menu shows the same commands with their shortcuts.
  await page.getByRole('menuitem', { name: 'File' }).click();
  await expect(page.locator('[data-command="file.saveAs"]')).toContainText('Ctrl+Shift+S');
  await page.keyboard.press('Escape');
  await expect(page.locator('.menu-popup')).toHaveCount(0);
});

test('a long network keeps every layer but draws only those in view, and panning brings the rest', async ({
  app,
}) => {
  const count = 120;
  const folder = await app.makeFolder('long', {
    'long.layerlab': denseChainProjectText('long', count),
  });
  const page = await app.open({ locale: 'en' });
  await page.getByTestId('start-open').click();
  await answerChooser(page, path.join(folder, 'long.layerlab'));

  // Framed at the readable zoom (titles ≥ 12 px) at its start: the first layers are drawn, its end is not.
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveAttribute('data-node-count', String(count));
  await expect(nodeNamed(page, 'dense_1')).toHaveCount(1);
  await expect(nodeNamed(page, 'dense_119')).toHaveCount(0);
  const drawn = await page.getByTestId('layer-node').count();
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(count);
  await expect(page.getByTestId('status-problems')).toContainText('0 errors');

  // A layer added from the palette is drawn at once, selected, with its shape.
  await page.getByTestId('palette-Dropout').focus();
  await page.keyboard.press('Enter');
  await expect(canvas).toHaveAttribute('data-node-count', String(count + 1));
  await expect(nodeNamed(page, 'dropout_1')).toHaveClass(/is-selected/);
  await page.keyboard.press('Control+z');
  await expect(canvas).toHaveAttribute('data-node-count', String(count));

  // Dragging the pane up scrolls the last layers into view; they are drawn with their shapes.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  // Left of the chain, clear of the zoom controls (bottom left) and the minimap (bottom right).
  const x = pane.x + pane.width * 0.3;
  await page.mouse.move(x, pane.y + pane.height - 120);
  await page.mouse.down();
  await page.mouse.move(x, pane.y + 20, { steps: 10 });
  await page.mouse.up();
  await expect(nodeNamed(page, 'dense_119').getByTestId('node-shape')).toHaveText('(None, 32)');
});
