import { describe, expect, it } from 'vitest';

import { formatMessage, messagePlaceholders, messages } from './messages';
import {
  backendReasonMessages,
  engineFallbackMessages,
  onnxStatusMessage,
  onnxStatusMessages,
  pytorchStatusMessage,
  pytorchStatusMessages,
  torchWeightsMessages,
} from './reason-messages';

const table = messages as Record<string, { en: string; 'zh-CN': string } | undefined>;

describe('reason codes from outside the editor core', () => {
  const tables = {
    engine: engineFallbackMessages,
    backend: backendReasonMessages,
    pytorch: pytorchStatusMessages,
    onnx: onnxStatusMessages,
    torchWeights: torchWeightsMessages,
  } as Record<string, Record<string, string>>;

  for (const [name, codes] of Object.entries(tables))
    for (const [reason, code] of Object.entries(codes))
      it(`${name} reason '${reason}' has a message in English and Chinese`, () => {
        const entry = table[code];
        expect(entry, code).toBeDefined();
        expect(entry?.en.trim()).not.toBe('');
        expect(entry?.['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      });

  it('maps distinct reasons to distinct messages', () => {
    for (const codes of Object.values(tables)) {
      const values = Object.values(codes);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('names the layer and its kind when PyTorch export is refused, in both languages', () => {
    const { code, args } = pytorchStatusMessage({
      available: false,
      code: 'pytorch-unsupported',
      reason: 'Layer "ln": LayerNormalization has no PyTorch export yet',
      layer: 'ln',
      kind: 'LayerNormalization',
    });
    expect(messagePlaceholders(code).sort()).toEqual(['kind', 'layer']);
    expect(formatMessage(code, args, 'en')).toMatch(/layer 'ln' \(LayerNormalization\)/);
    expect(formatMessage(code, args, 'zh-CN')).toMatch(/层 'ln'（LayerNormalization）/);
  });

  it('names the layer and its kind when model.onnx is refused, in both languages', () => {
    const { code, args } = onnxStatusMessage({
      available: false,
      code: 'onnx-unsupported',
      reason: 'Layer "ln": LayerNormalization has no ONNX export yet',
      layer: 'ln',
      kind: 'LayerNormalization',
    });
    expect(messagePlaceholders(code).sort()).toEqual(['kind', 'layer']);
    expect(formatMessage(code, args, 'en')).toMatch(/layer 'ln' \(LayerNormalization\)/);
    expect(formatMessage(code, args, 'zh-CN')).toMatch(/层 'ln'（LayerNormalization）/);
  });
});
