import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import type { BackendInfo } from '@core';

import { collectResources } from '../i18n/resources';
import { engineDetailText, type EngineFacts } from './training-backend';

const catalogs = import.meta.glob('../i18n/locales/*/*.json', { eager: true, import: 'default' });

const wasm: BackendInfo = {
  backend: 'wasm',
  reason: 'software-renderer',
  requested: 'auto',
  renderer: null,
  simd: true,
  threads: 1,
};

describe('engineDetailText', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ resources: collectResources(catalogs), lng: 'en', fallbackLng: false });
  });
  const layerlab: EngineFacts = {
    info: wasm,
    tfjsName: 'TensorFlow.js 4.22.0',
    choice: { engine: 'layerlab', build: 'relaxed-simd', workers: 2 },
  };

  it('words the engine in the language shown now, not the one it was reported in', async () => {
    await i18n.changeLanguage('en');
    expect(engineDetailText(layerlab, i18n.t, 'en')).toBe(
      'LayerLab WASM SIMD engine (relaxed SIMD) · 2 workers',
    );
    await i18n.changeLanguage('zh-CN');
    expect(engineDetailText(layerlab, i18n.t, 'zh-CN')).toBe(
      'LayerLab WASM SIMD 引擎（relaxed SIMD）· 2 个线程',
    );
  });

  it("gives TF.js's reason for training in Chinese when the UI is Chinese", async () => {
    await i18n.changeLanguage('zh-CN');
    const text = engineDetailText(
      {
        info: wasm,
        tfjsName: 'TensorFlow.js 4.22.0',
        choice: { engine: 'tfjs', code: 'not-a-chain', reason: 'the network is not a chain' },
      },
      i18n.t,
      'zh-CN',
    );
    expect(text).toMatch(/^TensorFlow\.js 4\.22\.0 · WASM SIMD — /);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toContain('not a chain');
  });
});
