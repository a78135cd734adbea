import type { NodeId } from '../graph/types';
import type { ProjectDoc } from '../io/project-file';
import { inferShapes } from '../shapes/infer';
import type { NodeShapeInfo } from '../shapes/infer';
import type { Diagnostic } from './diagnostic';
import { datasetFacts, inferenceContextOf } from './dataset-facts';
import { validateGraph } from './validate-graph';

/**
 * Shapes and diagnostics of a whole project: its dataset resolves the params
 * that follow it, its training settings feed the learner checks. What the
 * editor, the Train button and the command line all need.
 */
export function validateProject(project: Pick<ProjectDoc, 'graph' | 'training' | 'dataset'>): {
  shapes: ReadonlyMap<NodeId, NodeShapeInfo>;
  diagnostics: Diagnostic[];
} {
  const facts = datasetFacts(project.dataset);
  const shapes = inferShapes(project.graph, inferenceContextOf(facts));
  return {
    shapes,
    diagnostics: validateGraph(project.graph, {
      shapes,
      training: project.training,
      dataset: facts,
    }),
  };
}
