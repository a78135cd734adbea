// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getLayerSpec, type LayerSpec, type ParamSpec } from '@core';

import { ParamField } from './ParamField';

afterEach(cleanup);

function specAndParam(kind: string, name: string): { spec: LayerSpec; param: ParamSpec } {
  const spec = getLayerSpec(kind);
  const param = spec?.params.find((p) => p.name === name);
  if (!spec || !param) throw new Error(`no ${kind}.${name}`);
  return { spec, param };
}

describe('ParamField (inspector)', () => {
  it('checks as you type, shows the message beside the field, and does not commit a bad value', () => {
    const { spec, param } = specAndParam('Dense', 'units');
    const onCommit = vi.fn();
    render(<ParamField spec={spec} param={param} value={64} locale="en" onCommit={onCommit} />);
    const input = screen.getByLabelText(param.label.en);
    fireEvent.change(input, { target: { value: '1e9' } });
    expect(screen.getByTestId('field-error').textContent).toMatch(/units|Units/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('commits a valid typed value once (Enter then blur), not per keystroke', () => {
    const { spec, param } = specAndParam('Dense', 'units');
    const onCommit = vi.fn();
    const { rerender } = render(
      <ParamField spec={spec} param={param} value={64} locale="en" onCommit={onCommit} />,
    );
    const input = screen.getByLabelText(param.label.en);
    for (const text of ['1', '12', '128']) fireEvent.change(input, { target: { value: text } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith(128);
    rerender(<ParamField spec={spec} param={param} value={128} locale="en" onCommit={onCommit} />);
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('Escape restores the committed value', () => {
    const { spec, param } = specAndParam('Dense', 'units');
    render(<ParamField spec={spec} param={param} value={64} locale="en" onCommit={vi.fn()} />);
    const input = screen.getByLabelText(param.label.en) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('64');
  });

  it('follows an outside change (undo) of the value', () => {
    const { spec, param } = specAndParam('Dense', 'units');
    const { rerender } = render(
      <ParamField spec={spec} param={param} value={64} locale="en" onCommit={vi.fn()} />,
    );
    rerender(<ParamField spec={spec} param={param} value={10} locale="en" onCommit={vi.fn()} />);
    expect((screen.getByLabelText(param.label.en) as HTMLInputElement).value).toBe('10');
  });

  it('edits a kernel size as one box per entry and commits when focus leaves the group', () => {
    const { spec, param } = specAndParam('Conv2D', 'kernelSize');
    const onCommit = vi.fn();
    const { container } = render(
      <ParamField spec={spec} param={param} value={[3, 3]} locale="zh-CN" onCommit={onCommit} />,
    );
    const rows = container.querySelector('[data-param="kernelSize.0"]') as HTMLInputElement;
    const cols = container.querySelector('[data-param="kernelSize.1"]') as HTMLInputElement;
    fireEvent.change(rows, { target: { value: '5' } });
    fireEvent.blur(rows, { relatedTarget: cols });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.change(cols, { target: { value: '5' } });
    fireEvent.blur(cols, { relatedTarget: null });
    expect(onCommit).toHaveBeenCalledWith([5, 5]);
    fireEvent.change(rows, { target: { value: '-3' } });
    expect(screen.getByTestId('field-error').textContent).not.toBe('');
  });

  it('uses a select for enums and a checkbox for booleans, committing immediately', () => {
    const dense = specAndParam('Dense', 'activation');
    const onCommit = vi.fn();
    render(
      <ParamField
        spec={dense.spec}
        param={dense.param}
        value="relu"
        locale="en"
        onCommit={onCommit}
      />,
    );
    fireEvent.change(screen.getByLabelText(dense.param.label.en), { target: { value: 'softmax' } });
    expect(onCommit).toHaveBeenLastCalledWith('softmax');
    const bias = specAndParam('Dense', 'useBias');
    render(
      <ParamField
        spec={bias.spec}
        param={bias.param}
        value={true}
        locale="en"
        onCommit={onCommit}
      />,
    );
    fireEvent.click(screen.getByLabelText(bias.param.label.en));
    expect(onCommit).toHaveBeenLastCalledWith(false);
  });
});
