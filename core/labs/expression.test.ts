import { describe, expect, it } from 'vitest';
import {
  differentiate,
  evaluate,
  formatExpression,
  numericGradient,
  parseExpression,
  variablesOf,
  type Expr,
} from './expression';

function parsed(src: string): Expr {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.code}`);
  return r.value;
}

describe('parseExpression', () => {
  const cases: Array<[string, number, number, number]> = [
    ['1 + 2 * 3', 0, 0, 7],
    ['(1 + 2) * 3', 0, 0, 9],
    ['2^3^2', 0, 0, 512],
    ['-x^2', 3, 0, -9],
    ['(x-3)^2 + 1', 5, 0, 5],
    ['x^2 + 10*y^2', 1, 2, 41],
    ['2x + 3(y - 1)', 2, 3, 10],
    ['x**2', 4, 0, 16],
    [
      'sin(pi/2) + cos(0) + exp(0) + log(e) + sqrt(4) + abs(-3) + tanh(0)',
      0,
      0,
      1 + 1 + 1 + 1 + 2 + 3,
    ],
    ['1.5e2 - .5', 0, 0, 149.5],
    ['x − y', 5, 2, 3],
    ['10 / 4 / 5', 0, 0, 0.5],
    ['- - x', 7, 0, 7],
  ];
  for (const [src, x, y, expected] of cases) {
    it(`evaluates ${src} at (${x}, ${y}) to ${expected}`, () => {
      expect(evaluate(parsed(src), { x, y })).toBeCloseTo(expected, 10);
    });
  }

  const bad: Array<[string, string, number]> = [
    ['', 'expr-empty', 0],
    ['   ', 'expr-empty', 0],
    ['x +', 'expr-expected-operand', 3],
    ['(x + 1', 'expr-expected-paren', 6],
    ['x + 1)', 'expr-unexpected-token', 5],
    ['x $ 2', 'expr-bad-character', 2],
    ['z + 1', 'expr-unknown-name', 0],
    ['constructor', 'expr-unknown-name', 0],
    ['__proto__', 'expr-unknown-name', 0],
    ['x.constructor', 'expr-bad-number', 1],
    ['toString(x)', 'expr-unknown-name', 0],
    ['sin x', 'expr-function-needs-paren', 4],
    ['alert(1)', 'expr-unknown-name', 0],
    ['x; process.exit()', 'expr-bad-character', 1],
    ['*x', 'expr-expected-operand', 0],
    ['1e999', 'expr-bad-number', 0],
  ];
  for (const [src, code, position] of bad) {
    it(`rejects ${JSON.stringify(src)} with ${code} at ${position}`, () => {
      const r = parseExpression(src);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.position).toBe(position);
      }
    });
  }

  it('rejects very long input without parsing it', () => {
    const r = parseExpression('x+'.repeat(100_000) + 'x');
    expect(r.ok ? null : r.error.code).toBe('expr-too-long');
  });
  it('rejects deep nesting instead of overflowing the stack', () => {
    const r = parseExpression('('.repeat(200) + 'x' + ')'.repeat(200));
    expect(r.ok ? null : r.error.code).toBe('expr-too-deep');
    const r2 = parseExpression('-'.repeat(200) + 'x');
    expect(r2.ok ? null : r2.error.code).toBe('expr-too-deep');
  });
  it('lists the variables used', () => {
    expect([...variablesOf(parsed('x^2 + 3'))]).toEqual(['x']);
    expect([...variablesOf(parsed('x*y'))].sort()).toEqual(['x', 'y']);
  });
});

describe('differentiate', () => {
  const formulas = [
    'x^2',
    '(x-3)^2 + 1',
    'x^4 - 3x^3 + 2',
    '(1 - x)^2 + 5*(y - x^2)^2',
    'x^2 + 10*y^2',
    'sin(x)*cos(y) + exp(x/3) + log(x^2 + 1) + sqrt(x^2 + y^2 + 1) + tanh(y)',
    'x / (1 + y^2)',
    '2^x + (x^2 + 1)^y',
    'abs(x - 0.3)',
  ];
  const points = [
    { x: 0.7, y: 1.3 },
    { x: -1.2, y: 0.4 },
    { x: 2.5, y: -0.8 },
  ];
  for (const src of formulas) {
    it(`matches central differences for ${src}`, () => {
      const e = parsed(src);
      const dx = differentiate(e, 'x');
      const dy = differentiate(e, 'y');
      for (const p of points) {
        const [nx, ny] = numericGradient((q) => evaluate(e, q), p, ['x', 'y']);
        expect(evaluate(dx, p)).toBeCloseTo(nx!, 6);
        expect(evaluate(dy, p)).toBeCloseTo(ny!, 6);
      }
    });
  }
  it('prints a readable derivative', () => {
    expect(formatExpression(differentiate(parsed('x^2'), 'x'))).toBe('2*x');
    expect(formatExpression(differentiate(parsed('(x-3)^2+1'), 'x'))).toBe('2*(x - 3)');
  });
  it('prints a tree back to an equivalent formula', () => {
    for (const src of formulas) {
      const e = parsed(src);
      const again = parsed(formatExpression(e));
      for (const p of points) expect(evaluate(again, p)).toBeCloseTo(evaluate(e, p), 10);
    }
  });
});
