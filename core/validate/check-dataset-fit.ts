import type { GraphDoc } from '../graph/types';
import type { NodeId } from '../graph/types';
import { isInputKind } from '../layers/catalog';
import type { NodeShapeInfo } from '../shapes/infer';
import type { Diagnostic } from './diagnostic';
import type { DatasetFacts } from './dataset-facts';

const inputKindFor = { image: 'ImageInput', text: 'SequenceInput' } as const;

/**
 * Does the input layer fit the attached dataset? An image dataset needs an
 * Image input of the decoded size; a text dataset needs a Sequence input.
 * (Output size vs class count is a learner check, see check-learner-pitfalls.)
 */
export function checkDatasetFit(
  doc: GraphDoc,
  shapes: ReadonlyMap<NodeId, NodeShapeInfo>,
  facts: DatasetFacts | null,
): Diagnostic[] {
  if (!facts?.kind) return [];
  const inputs = Object.values(doc.nodes).filter((n) => isInputKind(n.kind));
  if (inputs.length !== 1) return [];
  const input = inputs[0]!;
  const expectedKind = inputKindFor[facts.kind];
  const args = { name: input.name, kind: input.kind };
  if (input.kind !== expectedKind) {
    return [
      {
        code: 'input-dataset-mismatch',
        severity: 'error',
        nodeId: input.id,
        args: { ...args, dataset: facts.kind, expected: expectedKind },
      },
    ];
  }
  const info = shapes.get(input.id);
  const size = facts.imageSize;
  if (facts.kind === 'image' && size && info?.ok) {
    const [, h, w, c] = info.shape;
    if (h !== size.height || w !== size.width || c !== size.channels) {
      return [
        {
          code: 'input-size-mismatch',
          severity: 'error',
          nodeId: input.id,
          args: {
            ...args,
            actual: `${h}×${w}×${c}`,
            expected: `${size.height}×${size.width}×${size.channels}`,
          },
        },
      ];
    }
  }
  return [];
}
