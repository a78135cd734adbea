import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { collectResources } from '../../i18n/resources';
import { runLabelText } from './run-label';

const catalogs = import.meta.glob('../../i18n/locales/*/*.json', {
  eager: true,
  import: 'default',
});

describe('runLabelText', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ resources: collectResources(catalogs), lng: 'en', fallbackLng: false });
  });

  it('puts the Chinese ordinal around the number, before the time', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(runLabelText(i18n.t, '2 · 16:23')).toBe('第 2 次 · 16:23');
  });

  it('reads "Run 2 · 16:23" in English', async () => {
    await i18n.changeLanguage('en');
    expect(runLabelText(i18n.t, '2 · 16:23')).toBe('Run 2 · 16:23');
  });

  it('shows a label of another shape as it is', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(runLabelText(i18n.t, 'baseline')).toBe('运行 baseline');
  });
});
