import type { CompiledModel, SampleSource } from '@core';

/**
 * Placeholder owned by the inspection engineer (issue 6), who replaces this
 * file and adds `inspect-protocol.ts`. The training worker forwards every
 * `{ type: 'inspect', id, request }` message here with the model it holds (or
 * null before any run) and the current dataset, and replies
 * `{ type: 'inspect-result', id, result }` with whatever this resolves to.
 */
export async function handleInspectRequest(_model: CompiledModel | null, _request: unknown, _data: SampleSource | null): Promise<unknown> {
  return { ok: false, error: { code: 'unsupported', message: 'Inspection is not available in this build yet' } };
}
