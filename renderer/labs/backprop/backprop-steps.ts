import type { BackpropTrace } from '@core';

/**
 * The walk through a trace: start, each unit forward, the loss, each weight
 * backward (output layer first, in course number order), then the update.
 */
export type BpStep =
  | { readonly kind: 'start'; readonly id: 'start' }
  | {
      readonly kind: 'forward';
      readonly id: string;
      readonly layer: number;
      readonly index: number;
    }
  | { readonly kind: 'loss'; readonly id: 'loss' }
  | { readonly kind: 'gradient'; readonly id: string; readonly gradient: number }
  | { readonly kind: 'update'; readonly id: 'update' };

export function buildSteps(trace: BackpropTrace): BpStep[] {
  const steps: BpStep[] = [{ kind: 'start', id: 'start' }];
  trace.forward
    .slice(1)
    .forEach((layer) =>
      layer.forEach((u) =>
        steps.push({ kind: 'forward', id: `forward:${u.name}`, layer: u.layer, index: u.index }),
      ),
    );
  steps.push({ kind: 'loss', id: 'loss' });
  trace.gradients.forEach((g, i) =>
    steps.push({ kind: 'gradient', id: `gradient:${g.name}`, gradient: i }),
  );
  steps.push({ kind: 'update', id: 'update' });
  return steps;
}

/** What the diagram may reveal at a step: forward values, δ of units, gradients of parameters. */
export interface Revealed {
  readonly units: ReadonlySet<string>;
  readonly deltas: ReadonlySet<string>;
  readonly gradients: ReadonlySet<string>;
  readonly currentUnit: string | null;
  readonly currentParameter: string | null;
}

export function revealedAt(trace: BackpropTrace, steps: readonly BpStep[], at: number): Revealed {
  const units = new Set<string>(trace.forward[0]?.map((u) => u.name) ?? []);
  const deltas = new Set<string>();
  const gradients = new Set<string>();
  let currentUnit: string | null = null;
  let currentParameter: string | null = null;
  steps.slice(0, at + 1).forEach((s, i) => {
    const isCurrent = i === at;
    if (s.kind === 'forward') {
      const name = trace.forward[s.layer]?.[s.index]?.name ?? '';
      units.add(name);
      if (isCurrent) currentUnit = name;
    } else if (s.kind === 'gradient') {
      const g = trace.gradients[s.gradient];
      if (!g) return;
      gradients.add(g.name);
      deltas.add(g.to);
      if (isCurrent) {
        currentParameter = g.name;
        currentUnit = g.to;
      }
    }
  });
  return { units, deltas, gradients, currentUnit, currentParameter };
}
