import type { GraphDoc } from '../graph/types';

/** What a package locks in an open project: the editor refuses any edit that breaks it. */
export interface EditorLocks {
  /** Node ids that cannot be deleted nor change kind. */
  readonly layers: readonly string[];
  /** Parameters that cannot be edited. */
  readonly params: readonly { readonly node: string; readonly param: string }[];
}

/** Why an edit was refused; worded by `formatPackMessage`. */
export interface LockRefusal {
  readonly code: 'locked-layer' | 'locked-param';
  readonly args: Readonly<Record<string, string>>;
}

/**
 * The lock an edit from `before` to `next` would break, or null. Any edit is
 * judged by its result (delete, cut, a param field, paste), so no operation
 * can get round a lock by doing the same thing another way.
 */
export function lockViolation(
  locks: EditorLocks,
  before: GraphDoc,
  next: GraphDoc,
): LockRefusal | null {
  if (before === next) return null;
  const was = before.nodes as Readonly<Record<string, GraphDoc['nodes'][never] | undefined>>;
  const now = next.nodes as Readonly<Record<string, GraphDoc['nodes'][never] | undefined>>;
  for (const id of locks.layers) {
    const a = was[id];
    const b = now[id];
    if (a && (!b || b.kind !== a.kind)) return { code: 'locked-layer', args: { layer: a.name } };
  }
  for (const { node, param } of locks.params) {
    const a = was[node];
    const b = now[node];
    if (!a) continue;
    if (!b) return { code: 'locked-layer', args: { layer: a.name } };
    if (
      a.params !== b.params &&
      JSON.stringify(a.params[param]) !== JSON.stringify(b.params[param])
    )
      return { code: 'locked-param', args: { layer: a.name, param } };
  }
  return null;
}
