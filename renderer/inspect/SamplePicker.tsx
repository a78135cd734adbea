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
        // One chooser: the label is the button; the browser's own file control is hidden but
        // still takes focus and keys (the label shows the focus ring).
        <label className="inspect-file btn">
          {t('sample.chooseImage')}
          <input
            type="file"
            accept="image/*"
            data-testid="sample-file"
            onChange={(e) => {
              loadFile(e.target.files?.[0]);
              // Choosing the same file again is a new choice.
              e.target.value = '';
            }}
          />
        </label>
      )}
      {kind === 'image' && <span className="panel-hint">{t('sample.dropHint')}</span>}
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
      {error && (
        <p role="alert" className="inspect-error">
          {error}
        </p>
      )}
    </div>
  );
}

const padSize = 112;

/**
 * A 112×112 black pad to draw a digit on with the mouse (white strokes like
 * MNIST), with a caption, a brush size and a Clear button. Each stroke
 * predicts again.
 */
function DrawPad({
  onDone,
}: {
  readonly onDone: (img: { rgba: Uint8ClampedArray; width: number; height: number }) => void;
}) {
  const { t } = useTranslation('inspect');
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [brush, setBrush] = useState(5);
  const clear = () => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, padSize, padSize);
  };
  const stroke = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx || !drawing.current) return;
    // The pad may be drawn larger than its pixels (zoomed page, projector mode).
    const box = e.currentTarget.getBoundingClientRect();
    const scale = padSize / Math.max(1, box.width);
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.arc((e.clientX - box.left) * scale, (e.clientY - box.top) * scale, brush, 0, Math.PI * 2);
    ctx.fill();
  };
  return (
    <figure className="inspect-drawpad" data-testid="draw-pad-box">
      <figcaption>{t('sample.drawCaption')}</figcaption>
      <canvas
        ref={(el) => {
          (ref as React.MutableRefObject<HTMLCanvasElement | null>).current = el;
          if (el && !el.dataset['ready']) {
            el.dataset['ready'] = '1';
            const ctx = el.getContext('2d');
            if (ctx) {
              ctx.fillStyle = '#000';
              ctx.fillRect(0, 0, padSize, padSize);
            }
          }
        }}
        width={padSize}
        height={padSize}
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
      <div className="inspect-drawpad-tools">
        <label>
          {t('sample.brush')}{' '}
          <input
            type="range"
            min={2}
            max={12}
            value={brush}
            data-testid="draw-brush"
            onChange={(e) => setBrush(Number(e.target.value))}
          />
        </label>
        <button type="button" className="btn" data-testid="draw-clear" onClick={clear}>
          {t('sample.clear')}
        </button>
      </div>
    </figure>
  );
}
