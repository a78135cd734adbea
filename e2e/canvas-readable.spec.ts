import type { CDPSession, Page } from '@playwright/test';

import { expect, test, type UiLanguage } from './support/fixtures';

/**
 * Issue 15, the canvas a teacher projects: every template opens readable on a
 * 1440×760 window (node titles ≥ 12 px on screen, no edge through a layer,
 * ports with ≥ 12 px targets), presentation mode enlarges it, the labs are
 * modal, and palette → canvas → inspector works from the keyboard alone.
 */

const window1440x760 = { width: 1440, height: 760 };
const templates = ['mlp-digits', 'lenet', 'lstm-text', 'backprop-323'];
const languages: readonly UiLanguage[] = ['zh-CN', 'en'];

/** Waits until the canvas has set the view of the project it shows. */
async function waitForFramedView(page: Page): Promise<void> {
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveAttribute('data-framed-load', /[1-9]/);
  const load = await canvas.getAttribute('data-load');
  await expect(canvas).toHaveAttribute('data-framed-load', load ?? '');
}

/**
 * Node titles as drawn: computed font size × the zoom the canvas applies to
 * it (drawn height over laid-out height; the title is a flex item, so its
 * computed height is the exact laid-out one).
 */
async function titleSizesOnScreen(page: Page): Promise<number[]> {
  return page.locator('.layer-node-kind').evaluateAll((titles) =>
    titles
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.width > 0;
      })
      .map((el) => {
        const scale = el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).height);
        return parseFloat(getComputedStyle(el).fontSize) * scale;
      }),
  );
}

async function closeProject(page: Page): Promise<void> {
  await page.locator('.toolbar [data-command="file.close"]').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
}

for (const language of languages) {
  test(`every template opens readable on a 1440×760 window (${language})`, async ({ app }) => {
    const page = await app.open({ locale: language, viewport: window1440x760 });
    for (const id of templates) {
      await page.getByTestId(`template-${id}`).click();
      await waitForFramedView(page);
      const sizes = await titleSizesOnScreen(page);
      expect(sizes.length, `${id}: titles in view`).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${id}: smallest title in px`).toBeGreaterThanOrEqual(12);

      // Layers do not overlap, and every edge goes down from its source to a layer below it
      // (ports are at the bottom and top), so no edge is drawn across a layer.
      const nodes = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((el) => {
          const r = el.getBoundingClientRect();
          return {
            id: el.dataset.id ?? '',
            top: r.top,
            bottom: r.bottom,
            left: r.left,
            right: r.right,
          };
        }),
      );
      for (const a of nodes)
        for (const b of nodes)
          if (a.id < b.id)
            expect(
              a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
              `${id}: ${a.id} and ${b.id} overlap`,
            ).toBe(true);
      const edgeEnds = await page.evaluate(() =>
        Array.from(document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')).map(
          (path) => {
            const length = path.getTotalLength();
            const start = path.getPointAtLength(0);
            const end = path.getPointAtLength(length);
            return { startY: start.y, endY: end.y };
          },
        ),
      );
      for (const edge of edgeEnds)
        expect(edge.endY, `${id}: an edge runs upward`).toBeGreaterThan(edge.startY);

      // Every port in view is a target of at least 12 × 12 px, and its edge still hits it.
      const ports = await page.locator('.react-flow__handle').evaluateAll((handles) =>
        handles
          .map((h) => ({ h, r: h.getBoundingClientRect() }))
          .filter(
            ({ r }) => r.top > 0 && r.bottom < innerHeight && r.left > 0 && r.right < innerWidth,
          )
          .map(({ h, r }) => {
            const inset = 6;
            const corners = [
              [r.left + r.width / 2 - inset, r.top + r.height / 2 - inset],
              [r.left + r.width / 2 + inset, r.top + r.height / 2 + inset],
            ];
            return {
              width: r.width,
              height: r.height,
              hits: corners.every(([x, y]) => document.elementFromPoint(x!, y!) === h),
            };
          }),
      );
      expect(ports.length, `${id}: ports in view`).toBeGreaterThan(0);
      for (const port of ports) {
        expect(port.width).toBeGreaterThanOrEqual(12);
        expect(port.height).toBeGreaterThanOrEqual(12);
        expect(port.hits, `${id}: a point 6 px from a port's centre belongs to the port`).toBe(
          true,
        );
      }
      if (id === 'lenet') await app.screenshot(page, `canvas-readable-lenet-${language}`);
      if (id === 'lstm-text') await app.screenshot(page, `canvas-readable-lstm-${language}`);
      await closeProject(page);
    }
  });
}

test('Fit view keeps titles readable and presentation mode enlarges them (en)', async ({ app }) => {
  const page = await app.open({ locale: 'en', viewport: window1440x760 });
  await page.getByTestId('template-lenet').click();
  await waitForFramedView(page);
  await page.keyboard.press('Shift+1');
  await expect
    .poll(async () => Math.min(...(await titleSizesOnScreen(page))))
    .toBeGreaterThanOrEqual(12);

  const paletteItemHeight = () =>
    page.getByTestId('palette-Dense').evaluate((el) => el.getBoundingClientRect().height);
  const normalItemHeight = await paletteItemHeight();
  await page.keyboard.press('Control+Shift+P');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await expect
    .poll(async () => Math.min(...(await titleSizesOnScreen(page))))
    .toBeGreaterThanOrEqual(18);
  await expect(page.getByTestId('presentation-toggle')).toBeChecked();
  // Panels are larger too: the palette's items are drawn 1.25× their normal height (± line rounding).
  expect((await paletteItemHeight()) / normalItemHeight).toBeGreaterThan(1.2);
  await app.screenshot(page, 'canvas-presentation-en');

  // A setting of the app, like the theme: it stays after a reload.
  await page.reload();
  await page.locator('[data-app-state="ready"]').waitFor({ state: 'attached' });
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
  await page.getByTestId('presentation-toggle').uncheck();
  await expect(page.locator('html')).not.toHaveAttribute('data-presentation', 'on');
});

/** Names of the focusable and form controls in the accessibility tree. */
async function axControls(cdp: CDPSession) {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  const roles = new Set([
    'button',
    'textbox',
    'searchbox',
    'combobox',
    'checkbox',
    'link',
    'spinbutton',
  ]);
  return nodes
    .filter((n) => !n.ignored && roles.has(n.role?.value ?? ''))
    .map((n) => ({ role: n.role?.value ?? '', name: (n.name?.value ?? '').trim() }));
}

for (const language of languages) {
  test(`a lab is modal: the start screen is inert, focus stays in the lab and comes back (${language})`, async ({
    app,
  }) => {
    const page = await app.open({ locale: language, viewport: window1440x760 });
    const cdp = await page.context().newCDPSession(page);
    const newProjectName = (await page.getByTestId('start-new').innerText()).trim();
    expect((await axControls(cdp)).some((c) => c.name === newProjectName)).toBe(true);

    const card = page.getByTestId('lab-card-neuron');
    await card.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lab-screen')).toBeVisible();
    await expect(page.locator('#root')).toHaveJSProperty('inert', true);
    // Focus moved into the lab, and Tab / Shift+Tab never leave it.
    const inLab = () =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="lab-screen"]'));
    expect(await inLab()).toBe(true);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await inLab(), `after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inLab(), `after Shift+Tab ${i + 1}`).toBe(true);
    }
    // The start screen's controls left the accessibility tree.
    const controls = await axControls(cdp);
    expect(controls.some((c) => c.name === newProjectName)).toBe(false);
    expect(controls.length).toBeGreaterThan(0);
    await app.screenshot(page, `lab-modal-${language}`);

    // The app's shortcuts do not reach past the lab: Ctrl+N opens no project behind it.
    await page.keyboard.press('Control+n');
    await page.getByTestId('lab-back').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('lab-screen')).toHaveCount(0);
    await expect(page.locator('#root')).toHaveJSProperty('inert', false);
    await expect(card).toBeFocused();
    await expect(page.getByTestId('start-screen')).toBeVisible();
    await expect(page.getByTestId('canvas')).toHaveCount(0);
  });
}

for (const language of languages) {
  test(`keyboard only: palette → canvas → inspector, every control named (${language})`, async ({
    app,
  }) => {
    const page = await app.open({ locale: language, viewport: window1440x760 });
    const cdp = await page.context().newCDPSession(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          testid: el?.dataset.testid ?? '',
          param: el?.dataset.param ?? '',
          node: el?.classList.contains('react-flow__node') ? (el.dataset.id ?? '') : '',
        };
      });
    const tabUntil = async (found: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 80; i++) {
        if (found(await focused())) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`not reached by Tab: last focus ${JSON.stringify(await focused())}`);
    };

    await tabUntil((f) => f.testid === 'start-new');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('canvas')).toBeVisible();
    // Palette: search, then the first match, Enter adds it at the view centre.
    await tabUntil((f) => f.testid === 'palette-search');
    await page.keyboard.type('Dense');
    await tabUntil((f) => f.testid === 'palette-Dense');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-node')).toHaveCount(1);
    // React Flow shows (and lets Tab reach) a layer once it has measured it.
    await expect(page.locator('.react-flow__node')).toBeVisible();
    // Canvas: the layer is reached by Tab and selected with Enter.
    await tabUntil((f) => f.node !== '');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-node')).toHaveClass(/is-selected/);
    // Inspector: the units field, typed and committed with Enter.
    await tabUntil((f) => f.param === 'units');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-node').locator('.param-chip').first()).toContainText('42');
    await app.screenshot(page, `keyboard-journey-${language}`);

    // Every control of the palette, canvas and inspector has an accessible name.
    const unnamed = (await axControls(cdp)).filter((c) => c.name === '');
    expect(unnamed).toEqual([]);
  });
}

/** A point of the canvas where a drag pans: the bare pane, away from layers, controls and minimap. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.getByTestId('canvas').evaluate((canvas) => {
    const r = canvas.getBoundingClientRect();
    for (let y = r.top + 20; y < r.bottom - 160; y += 40)
      for (let x = r.left + 60; x < r.right - 60; x += 40) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  });
  if (!point) throw new Error('no empty spot on the canvas');
  return point;
}

test('a problem callout covers no other layer and stays on screen as the view moves (en)', async ({
  app,
}) => {
  const page = await app.open({ locale: 'en', viewport: window1440x760 });
  await page.getByTestId('template-mlp-digits').click();
  await waitForFramedView(page);
  // A Dense added with nothing selected lands beside the chain, unconnected: it has a problem.
  await page.keyboard.press('Escape');
  await page.getByTestId('palette-Dense').focus();
  await page.keyboard.press('Enter');
  const message = page.locator('.layer-node-message');
  await expect(message).toBeVisible();

  const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
  const pane = page.locator('.react-flow__pane');
  const node = page.getByTestId('layer-node').filter({ has: message });
  for (const edge of ['none', 'right', 'left'] as const) {
    // Drag the empty pane sideways until the layer sits 20 px from one edge of the view.
    const at = (await node.boundingBox())!;
    const dx =
      edge === 'none'
        ? 0
        : edge === 'right'
          ? canvasBox.x + canvasBox.width - 20 - (at.x + at.width)
          : canvasBox.x + 20 - at.x;
    if (dx !== 0) {
      const start = await emptyPanePoint(page);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + dx, start.y, { steps: 8 });
      await page.mouse.up();
    }
    await expect(pane).toBeVisible();
    await expect(node.getByTestId('node-name')).toBeInViewport({ ratio: 1 });
    const box = (await message.boundingBox())!;
    expect(box.x, `callout left edge, layer near the ${edge} edge`).toBeGreaterThanOrEqual(
      canvasBox.x - 1,
    );
    expect(box.x + box.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width + 1);
    const others = await page
      .getByTestId('layer-node')
      .filter({ hasNot: page.locator('.layer-node-message') })
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
    for (const o of others) {
      const overlaps =
        box.x < o.x + o.width &&
        o.x < box.x + box.width &&
        box.y < o.y + o.height &&
        o.y < box.y + box.height;
      expect(overlaps, `callout over a layer at ${o.x},${o.y}, near the ${edge} edge`).toBe(false);
    }
  }
  await app.screenshot(page, 'problem-callout-en');
});
