/**
 * A small, safe expression language for typed loss surfaces: numbers, the
 * variables x and y, + − * / ^, unary minus, parentheses and the functions
 * sin cos exp log sqrt abs tanh (plus the constants pi and e).
 *
 * It is a hand-written tokenizer and Pratt parser that builds a tree; nothing
 * is ever handed to `eval` or `Function`, and names are looked up in a fixed
 * `Map`, so `constructor` or `__proto__` are just unknown names.
 * Derivatives are symbolic (exact), with a central-difference fallback.
 */
import { err, ok, type Result } from '../result';

/** Variables an expression may use. */
export type Variable = 'x' | 'y';

/** Functions an expression may call. */
export type FunctionName = 'sin' | 'cos' | 'exp' | 'log' | 'sqrt' | 'abs' | 'tanh';

/** A parsed expression tree. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: Variable }
  | { readonly kind: 'neg'; readonly arg: Expr }
  | {
      readonly kind: 'bin';
      readonly op: '+' | '-' | '*' | '/' | '^';
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr };

/** Stable error codes of the parser. */
export type ExpressionErrorCode =
  | 'expr-empty'
  | 'expr-too-long'
  | 'expr-too-deep'
  | 'expr-bad-character'
  | 'expr-bad-number'
  | 'expr-unknown-name'
  | 'expr-expected-operand'
  | 'expr-expected-paren'
  | 'expr-unexpected-token'
  | 'expr-function-needs-paren';

/** A parse failure: a code, the 0-based character position, and an English message for logs. */
export interface ExpressionError {
  readonly code: ExpressionErrorCode;
  readonly position: number;
  readonly message: string;
  /** The offending text, when there is one (shown to the user). */
  readonly subject?: string;
}

/** Longest accepted formula; a loss surface never needs more. */
export const MAX_EXPRESSION_LENGTH = 500;
/** Deepest accepted nesting, so hostile input cannot exhaust the stack. */
export const MAX_EXPRESSION_DEPTH = 60;

const FUNCTIONS = new Map<string, FunctionName>([
  ['sin', 'sin'],
  ['cos', 'cos'],
  ['exp', 'exp'],
  ['log', 'log'],
  ['ln', 'log'],
  ['sqrt', 'sqrt'],
  ['abs', 'abs'],
  ['tanh', 'tanh'],
]);
const CONSTANTS = new Map<string, number>([
  ['pi', Math.PI],
  ['e', Math.E],
]);
const VARIABLES = new Map<string, Variable>([
  ['x', 'x'],
  ['y', 'y'],
]);

interface Token {
  readonly type: 'num' | 'name' | 'op' | 'lparen' | 'rparen' | 'end';
  readonly text: string;
  readonly pos: number;
}

class ParseFailure extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message);
    // Keeps `instanceof` working when compiled to older targets (TF.js errors.ts does the same).
    Object.setPrototypeOf(this, ParseFailure.prototype);
  }
}

const fail = (
  code: ExpressionErrorCode,
  position: number,
  message: string,
  subject?: string,
): never => {
  throw new ParseFailure(
    subject === undefined ? { code, position, message } : { code, position, message, subject },
  );
};

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) fail('expr-bad-number', i, `bad number at ${i}`, ch);
      const text = m?.[0] ?? '';
      tokens.push({ type: 'num', text, pos: i });
      i += text.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z_0-9]*/.exec(src.slice(i))?.[0] ?? ch;
      tokens.push({ type: 'name', text, pos: i });
      i += text.length;
    } else if ('+-*/^'.includes(ch)) {
      // `**` is accepted as a synonym for `^` (students coming from Python type it).
      if (ch === '*' && src[i + 1] === '*') {
        tokens.push({ type: 'op', text: '^', pos: i });
        i += 2;
      } else {
        tokens.push({ type: 'op', text: ch, pos: i });
        i++;
      }
    } else if (ch === '−') {
      tokens.push({ type: 'op', text: '-', pos: i });
      i++;
    } else if (ch === '(') {
      tokens.push({ type: 'lparen', text: ch, pos: i++ });
    } else if (ch === ')') {
      tokens.push({ type: 'rparen', text: ch, pos: i++ });
    } else {
      fail('expr-bad-character', i, `unexpected character '${ch}' at ${i}`, ch);
    }
  }
  tokens.push({ type: 'end', text: '', pos: src.length });
  return tokens;
}

const BINARY_POWER: Readonly<Record<string, number>> = {
  '+': 10,
  '-': 10,
  '*': 20,
  '/': 20,
  '^': 40,
};
const UNARY_MINUS_POWER = 30; // binds tighter than * but looser than ^: -x^2 = -(x^2)

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', text: '', pos: 0 };
  }
  private next(): Token {
    const t = this.peek();
    this.index++;
    return t;
  }

  parseAll(): Expr {
    const expr = this.parse(0, 0);
    const t = this.peek();
    if (t.type !== 'end') {
      fail('expr-unexpected-token', t.pos, `unexpected '${t.text}' at ${t.pos}`, t.text);
    }
    return expr;
  }

  parse(minPower: number, depth: number): Expr {
    if (depth > MAX_EXPRESSION_DEPTH)
      fail('expr-too-deep', this.peek().pos, 'expression nested too deeply');
    let left = this.prefix(depth);
    for (;;) {
      const t = this.peek();
      // Implicit multiplication: `2x`, `3(x+1)`, `x y`, `(x)(y)`.
      const implicit = t.type === 'num' || t.type === 'name' || t.type === 'lparen';
      const op = implicit ? '*' : t.type === 'op' ? t.text : null;
      if (op === null) break;
      const power = BINARY_POWER[op] ?? 0;
      if (power < minPower || (power === minPower && op !== '^')) break;
      if (!implicit) this.next();
      // ^ is right-associative: parse its right side at the same power.
      const right = this.parse(op === '^' ? power : power + 1, depth + 1);
      left = { kind: 'bin', op: op as '+' | '-' | '*' | '/' | '^', left, right };
    }
    return left;
  }

  private prefix(depth: number): Expr {
    const t = this.next();
    switch (t.type) {
      case 'num': {
        const value = Number(t.text);
        if (!Number.isFinite(value))
          fail('expr-bad-number', t.pos, `number out of range at ${t.pos}`, t.text);
        return { kind: 'num', value };
      }
      case 'name':
        return this.name(t, depth);
      case 'op':
        if (t.text === '-' || t.text === '+') {
          const arg = this.parse(UNARY_MINUS_POWER, depth + 1);
          return t.text === '-' ? { kind: 'neg', arg } : arg;
        }
        return fail(
          'expr-expected-operand',
          t.pos,
          `expected a number, variable or '(' at ${t.pos}`,
          t.text,
        );
      case 'lparen': {
        const inner = this.parse(0, depth + 1);
        const close = this.next();
        if (close.type !== 'rparen')
          fail('expr-expected-paren', close.pos, `expected ')' at ${close.pos}`, close.text);
        return inner;
      }
      default:
        return fail(
          'expr-expected-operand',
          t.pos,
          `expected a number, variable or '(' at ${t.pos}`,
          t.text,
        );
    }
  }

  private name(t: Token, depth: number): Expr {
    const key = t.text.toLowerCase();
    const variable = VARIABLES.get(key);
    if (variable) return { kind: 'var', name: variable };
    const constant = CONSTANTS.get(key);
    if (constant !== undefined) return { kind: 'num', value: constant };
    const fn = FUNCTIONS.get(key);
    if (!fn)
      return fail('expr-unknown-name', t.pos, `unknown name '${t.text}' at ${t.pos}`, t.text);
    if (this.peek().type !== 'lparen') {
      return fail(
        'expr-function-needs-paren',
        this.peek().pos,
        `'${t.text}' must be followed by '('`,
        t.text,
      );
    }
    this.next();
    const arg = this.parse(0, depth + 1);
    const close = this.next();
    if (close.type !== 'rparen')
      fail('expr-expected-paren', close.pos, `expected ')' at ${close.pos}`, close.text);
    return { kind: 'call', fn, arg };
  }
}

/**
 * Parses a formula such as `x^2 + 10*y^2` or `(x-3)^2 + 1`.
 * Never throws: a bad formula gives a coded error with the character position.
 */
export function parseExpression(source: string): Result<Expr, ExpressionError> {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return err({
      code: 'expr-too-long',
      position: MAX_EXPRESSION_LENGTH,
      message: `longer than ${MAX_EXPRESSION_LENGTH} characters`,
    });
  }
  if (source.trim() === '')
    return err({ code: 'expr-empty', position: 0, message: 'empty formula' });
  try {
    return ok(new Parser(tokenize(source)).parseAll());
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.detail);
    throw e;
  }
}

/** Values of the variables at which to evaluate; a missing variable counts as 0. */
export interface Point2 {
  readonly x: number;
  readonly y?: number;
}

/** Evaluates a tree. Domain errors (log of a negative) give NaN, as in JavaScript. */
export function evaluate(expr: Expr, at: Point2): number {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'var':
      return expr.name === 'x' ? at.x : (at.y ?? 0);
    case 'neg':
      return -evaluate(expr.arg, at);
    case 'call':
      return Math[expr.fn](evaluate(expr.arg, at));
    case 'bin': {
      const a = evaluate(expr.left, at);
      const b = evaluate(expr.right, at);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
    }
  }
}

/** Which variables occur in the tree. */
export function variablesOf(expr: Expr): Set<Variable> {
  const out = new Set<Variable>();
  const walk = (e: Expr): void => {
    if (e.kind === 'var') out.add(e.name);
    else if (e.kind === 'neg' || e.kind === 'call') walk(e.arg);
    else if (e.kind === 'bin') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expr);
  return out;
}

export { differentiate, numericGradient, formatExpression } from './expression-calculus';
