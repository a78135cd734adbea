/**
 * Derivatives and printing of expression trees (see expression.ts).
 * The symbolic derivative is exact; a light simplifier keeps it readable.
 */
import type { Expr, Point2, Variable } from './expression';

const num = (value: number): Expr => ({ kind: 'num', value });
const isNum = (e: Expr, v?: number): boolean =>
  e.kind === 'num' && (v === undefined || e.value === v);

function add(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return b;
  if (isNum(b, 0)) return a;
  if (a.kind === 'num' && b.kind === 'num') return num(a.value + b.value);
  return { kind: 'bin', op: '+', left: a, right: b };
}
function sub(a: Expr, b: Expr): Expr {
  if (isNum(b, 0)) return a;
  if (a.kind === 'num' && b.kind === 'num') return num(a.value - b.value);
  if (isNum(a, 0)) return neg(b);
  return { kind: 'bin', op: '-', left: a, right: b };
}
function mul(a: Expr, b: Expr): Expr {
  if (isNum(a, 0) || isNum(b, 0)) return num(0);
  if (isNum(a, 1)) return b;
  if (isNum(b, 1)) return a;
  if (a.kind === 'num' && b.kind === 'num') return num(a.value * b.value);
  return { kind: 'bin', op: '*', left: a, right: b };
}
function div(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return num(0);
  if (isNum(b, 1)) return a;
  return { kind: 'bin', op: '/', left: a, right: b };
}
function pow(a: Expr, b: Expr): Expr {
  if (isNum(b, 1)) return a;
  if (isNum(b, 0)) return num(1);
  return { kind: 'bin', op: '^', left: a, right: b };
}
function neg(a: Expr): Expr {
  if (a.kind === 'num') return num(-a.value);
  if (a.kind === 'neg') return a.arg;
  return { kind: 'neg', arg: a };
}
const call = (fn: 'sin' | 'cos' | 'exp' | 'log' | 'sqrt' | 'abs' | 'tanh', arg: Expr): Expr => ({
  kind: 'call',
  fn,
  arg,
});

function dependsOn(e: Expr, v: Variable): boolean {
  switch (e.kind) {
    case 'num':
      return false;
    case 'var':
      return e.name === v;
    case 'neg':
    case 'call':
      return dependsOn(e.arg, v);
    case 'bin':
      return dependsOn(e.left, v) || dependsOn(e.right, v);
  }
}

/**
 * The exact partial derivative ∂e/∂v as a new tree.
 * abs′ is written as x/|x| (undefined at 0, like the maths); a^b with b depending
 * on v uses a^b·(b′·ln a + b·a′/a).
 */
export function differentiate(e: Expr, v: Variable): Expr {
  switch (e.kind) {
    case 'num':
      return num(0);
    case 'var':
      return num(e.name === v ? 1 : 0);
    case 'neg':
      return neg(differentiate(e.arg, v));
    case 'call':
      return differentiateCall(e, v);
    case 'bin': {
      const { left: a, right: b } = e;
      const da = differentiate(a, v);
      const db = differentiate(b, v);
      switch (e.op) {
        case '+':
          return add(da, db);
        case '-':
          return sub(da, db);
        case '*':
          return add(mul(da, b), mul(a, db));
        case '/':
          return div(sub(mul(da, b), mul(a, db)), pow(b, num(2)));
        case '^':
          if (!dependsOn(b, v)) {
            // Power rule: (a^n)′ = n·a^(n−1)·a′
            const nMinus1 = b.kind === 'num' ? num(b.value - 1) : sub(b, num(1));
            return mul(mul(b, pow(a, nMinus1)), da);
          }
          return mul(e, add(mul(db, call('log', a)), div(mul(b, da), a)));
      }
    }
  }
}

function differentiateCall(e: Extract<Expr, { kind: 'call' }>, v: Variable): Expr {
  const u = e.arg;
  const du = differentiate(u, v);
  if (isNum(du, 0)) return num(0);
  switch (e.fn) {
    case 'sin':
      return mul(call('cos', u), du);
    case 'cos':
      return mul(neg(call('sin', u)), du);
    case 'exp':
      return mul(e, du);
    case 'log':
      return div(du, u);
    case 'sqrt':
      return div(du, mul(num(2), e));
    case 'abs':
      return mul(div(u, e), du);
    case 'tanh':
      return mul(sub(num(1), pow(e, num(2))), du);
  }
}

/**
 * ∇f by central differences, (f(x+h) − f(x−h)) / 2h per variable, with h scaled to
 * the point so it stays accurate for large coordinates. Used where no tree exists.
 */
export function numericGradient(
  f: (p: Point2) => number,
  at: Point2,
  variables: readonly Variable[],
): number[] {
  return variables.map((v) => {
    const base = v === 'x' ? at.x : (at.y ?? 0);
    const h = 1e-5 * Math.max(1, Math.abs(base));
    const plus = v === 'x' ? { x: base + h, y: at.y ?? 0 } : { x: at.x, y: base + h };
    const minus = v === 'x' ? { x: base - h, y: at.y ?? 0 } : { x: at.x, y: base - h };
    return (f(plus) - f(minus)) / (2 * h);
  });
}

const PRECEDENCE: Readonly<Record<string, number>> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };

/** Prints a tree as a formula with the fewest parentheses that keep its meaning. */
export function formatExpression(e: Expr): string {
  return print(e, 0);
}

function print(e: Expr, outer: number): string {
  switch (e.kind) {
    case 'num':
      return e.value < 0 && outer > 0 ? `(${fmt(e.value)})` : fmt(e.value);
    case 'var':
      return e.name;
    case 'neg': {
      const s = `-${print(e.arg, 3)}`;
      return outer > 1 ? `(${s})` : s;
    }
    case 'call':
      return `${e.fn}(${print(e.arg, 0)})`;
    case 'bin': {
      const p = PRECEDENCE[e.op] ?? 0;
      const right = e.op === '-' || e.op === '/' ? p + 1 : e.op === '^' ? p : p;
      const left = e.op === '^' ? p + 1 : p;
      const sep = e.op === '*' ? '*' : e.op === '^' ? '^' : ` ${e.op} `;
      const s = `${print(e.left, left)}${sep}${print(e.right, right)}`;
      return p < outer ? `(${s})` : s;
    }
  }
}

function fmt(v: number): string {
  if (v === Math.PI) return 'pi';
  if (v === Math.E) return 'e';
  return String(Number(v.toPrecision(12)));
}
