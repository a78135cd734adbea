import { z } from 'zod';

import { datasetConfigSchema } from '../data/config';
import { trainingConfigSchema } from '../train/config';

/**
 * The zod schema of a project file at `CURRENT_SCHEMA_VERSION`. Unknown keys
 * are stripped (that is how session state never survives a load). Ids must
 * not look like integers: JavaScript orders integer-like keys first, which
 * would silently reorder merge inputs.
 */
const idSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/,
    'must start with a letter and use only letters, digits, _ . : -',
  );

const paramValueSchema = z.union([
  z.number(),
  z.string().max(10_000),
  z.boolean(),
  z.array(z.number()).max(64),
  z.null(),
]);

const pointSchema = z.object({ x: z.number(), y: z.number() });

export const layerNodeSchema = z.object({
  id: idSchema,
  kind: z.string().min(1).max(200),
  name: z.string().max(1000),
  params: z.record(z.string().max(200), paramValueSchema),
  position: pointSchema,
});

export const edgeSchema = z.object({ id: idSchema, source: idSchema, target: idSchema });

export const graphDocSchema = z.object({
  nodes: z.record(idSchema, layerNodeSchema),
  edges: z.record(idSchema, edgeSchema),
});

export const projectDocSchema = z.object({
  format: z.literal('layerlab'),
  schemaVersion: z.number().int(),
  appVersion: z.string().max(100),
  savedAt: z.string().max(100),
  name: z.string().max(1000),
  graph: graphDocSchema,
  training: trainingConfigSchema,
  dataset: datasetConfigSchema.nullable(),
  templateId: z.string().max(100).optional(),
});
