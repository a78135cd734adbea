import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SampleRef } from '../workers/inspect-protocol';
import { canvasPixels, decodeImageFile } from './decode-image';

interface SamplePickerProps {
  readonly sampleCount: number;
  readonly value: SampleRef;
  readonly onChange: (sample: SampleRef) => void;
  /** Image models accept dropped files and drawings; text models typed text. */
  readonly kind: 'image' | 'text' | null;
  readonly allowDrawing?: boolean;
}

/** Chooses the sample to inspect: a validation sample by number, a dropped or chosen image, a drawing, or typed text. */
export function SamplePicker({
  sampleCount,
  value,
  onChange,
  kind,
  allowDrawing = false,
}: SamplePickerProps) {
  const { t } = useTranslation('inspect');
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const index = value.source === 'validation' ? value.index : 0;
  const loadFile = (file: File | undefined) => {
    if (!file) return;
    setError(null);
    decodeImageFile(file).then(
      (img) => onChange({ source: 'image', rgba: img.rgba, width: img.width, height: img.height }),
      () => setError(t('sample.unreadable', { name: file.name })),
    );
  };
  return (
    <div
      className="inspect-sample-picker"
      data-testid="sample-picker"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (kind === 'image') loadFile(e.dataTransfer.files[0]);
      }}
    >
      {sampleCount > 0 && (
        <label>
          {t('sample.validation')}{' '}
          <input
            type="number"
            min={0}
            max={sampleCount - 1}
            value={index}
            data-testid="sample-index"
            onChange={(e) => {
              const i = Math.max(
                0,
                Math.min(sampleCount - 1, Math.trunc(Number(e.target.value) || 0)),
              );
              onChange({ source: 'validation', index: i });
            }}
          />{' '}
          <span className="muted">{t('sample.of', { count: sampleCount })}</span>
        </label>
      )}
      {kind === 'image' && (
        <label className="inspect-file">
          {t('sample.chooseImage')}
          <input
            type="file"
            accept="image/*"
            data-testid="sample-file"
            onChange={(e) => loadFile(e.target.files?.[0])}
          />
        </label>
      )}
      {kind === 'image' && allowDrawing && (
        <DrawPad onDone={(img) => onChange({ source: 'image', ...img })} />
      )}
      {kind === 'text' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onChange({ source: 'text', text });
          }}
        >
          <input
            type="text"
            value={text}
            placeholder={t('sample.typeText')}
            data-testid="sample-text"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{t('sample.use')}</button>
        </form>
      )}
      {kind === 'image' && <span className="panel-hint">{t('sample.dropHint')}</span>}
      {error && (
        <p role="alert" className="inspect-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A 112×112 black pad to draw a digit on with the mouse (white, thick strokes like MNIST). */
function DrawPad({
  onDone,
}: {
  readonly onDone: (img: { rgba: Uint8ClampedArray; width: number; height: number }) => void;
}) {
  const { t } = useTranslation('inspect');
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const clear = () => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, 112, 112);
  };
  const stroke = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx || !drawing.current) return;
    const box = e.currentTarget.getBoundingClientRect();
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc(e.clientX - box.left, e.clientY - box.top, 5, 0, Math.PI * 2);
    ctx.fill();
  };
  return (
    <div className="inspect-drawpad">
      <canvas
        ref={(el) => {
          (ref as React.MutableRefObject<HTMLCanvasElement | null>).current = el;
          if (el && !el.dataset['ready']) {
            el.dataset['ready'] = '1';
            const ctx = el.getContext('2d');
            if (ctx) {
              ctx.fillStyle = '#000';
              ctx.fillRect(0, 0, 112, 112);
            }
          }
        }}
        width={112}
        height={112}
        data-testid="draw-pad"
        aria-label={t('sample.drawLabel')}
        onPointerDown={(e) => {
          drawing.current = true;
          stroke(e);
        }}
        onPointerMove={stroke}
        onPointerUp={() => {
          drawing.current = false;
          if (ref.current) onDone(canvasPixels(ref.current));
        }}
      />
      <button type="button" onClick={clear}>
        {t('sample.clear')}
      </button>
    </div>
  );
}
