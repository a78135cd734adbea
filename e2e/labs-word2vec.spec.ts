import { expect, test, type UiLanguage } from './support/fixtures';

/**
 * Training word2vec in the app as a new user would: open the word-vectors lab,
 * keep the bundled corpus of the UI language and the default settings (skip-gram,
 * dimension 100, window 5, 5 epochs), train in the worker, and type a probe word:
 * its five nearest words appear, and at least one of them is a word a reader
 * would call related. Screenshots at 1440×760, the classroom projector's size.
 */
const probes: Record<UiLanguage, { word: string; related: string[] }> = {
  'zh-CN': {
    word: '磁盘',
    related: ['硬盘', '分区', 'raid', 'lvm', '阵', 'pv', 'lv', '设备', '驱动器'],
  },
  en: {
    word: 'disk',
    related: ['drive', 'hard', 'partition', 'drives', 'raid', 'lvm', 'partitions', 'disks'],
  },
};

for (const locale of ['zh-CN', 'en'] as const satisfies readonly UiLanguage[]) {
  test(`word2vec trains on the bundled corpus in a worker and shows a word's neighbours (${locale})`, async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const page = await app.open({ locale });
    await page.setViewportSize({ width: 1440, height: 760 });
    await page.getByTestId('lab-card-word-vectors').click();
    await expect(page.getByTestId('lab-screen')).toHaveAttribute('data-lab', 'word-vectors');
    const section = page.getByTestId('w2v-train');
    await section.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('w2v-train-source')).toHaveValue(
      locale === 'zh-CN' ? 'zh-debian-docs' : 'en-debian-handbook',
    );

    // Cancel works: a long run stops on request.
    await page.getByTestId('w2v-train-epochs').fill('100');
    await page.getByTestId('w2v-train-epochs').blur();
    await page.getByTestId('w2v-train-start').click();
    await expect(page.getByTestId('w2v-train-progress')).toBeVisible();
    await expect(page.getByTestId('w2v-train-status')).toContainText('%', { timeout: 120_000 });
    await page.getByTestId('w2v-train-cancel').click();
    await expect(page.getByTestId('w2v-train-status')).toHaveText(
      locale === 'zh-CN' ? '已取消' : 'Cancelled',
    );

    await page.getByTestId('w2v-train-epochs').fill('5');
    await page.getByTestId('w2v-train-epochs').blur();
    await page.getByTestId('w2v-train-start').click();
    await expect(page.getByTestId('w2v-train-status')).toContainText(
      locale === 'zh-CN' ? '训练完成' : 'Trained',
      { timeout: 240_000 },
    );
    await expect(page.getByTestId('w2v-train-loss-curve').locator('path')).toHaveCount(1);

    const { word, related } = probes[locale];
    await page.getByTestId('w2v-train-probe').fill(word);
    const items = page.getByTestId('w2v-train-neighbours').locator('li');
    await expect(items).toHaveCount(5);
    const neighbours = (await items.allTextContents()).map((t) => t.split(' ')[0]!);
    console.log(`${locale} ${word}: ${(await items.allTextContents()).join(' | ')}`);
    expect(neighbours.some((n) => related.includes(n))).toBe(true);
    await page.getByTestId('w2v-train-neighbours').scrollIntoViewIfNeeded();
    await app.screenshot(page, `labs-word2vec-train-${locale}`);
  });
}
