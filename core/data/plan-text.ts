/**
 * The text half of planning, shared by the app's and the command line's
 * loaders: on a folder seen for the first time the tokeniser and sequence
 * length come from the texts (`chooseTextDefaults`), then the plan, its
 * report (with how many texts the length cuts) and the vocabulary.
 */
import type { ClassDiscovery } from './class-discovery';
import type { TextOptions } from './config';
import type { HealthThresholds, IgnoredEntry } from './health-report';
import { planDataset } from './plan';
import type { DatasetPlan, FileCheck, SplitSettings } from './plan';
import { chooseTextDefaults } from './text-defaults';
import { buildVocabulary, tokenize } from './tokenize';

export interface TextPlanInput {
  readonly discovery: ClassDiscovery;
  /** Outcome per candidate path (`inspectTextBytes` with `text.sampleUnit` and `text.encoding`). */
  readonly checks: ReadonlyMap<string, FileCheck>;
  readonly ignored?: readonly IgnoredEntry[];
  readonly split: SplitSettings;
  readonly text: TextOptions;
  /** A new folder: pick `split` and `sequenceLength` from the texts instead of `text`'s. */
  readonly chooseDefaults?: boolean;
  /** Given for a test set, which uses the training folder's vocabulary. */
  readonly vocabulary?: readonly string[];
  readonly thresholds?: HealthThresholds;
}

export interface TextPlan {
  readonly plan: DatasetPlan;
  /** `texts[i]` is the text of `plan.samples[i]`. */
  readonly texts: string[];
  /** Built from the training split only (0 = '', 1 = '[UNK]'), unless given. */
  readonly vocabulary: readonly string[];
  /** The options the texts are shaped with: `text`, or the chosen defaults. */
  readonly options: TextOptions;
}

/** Plans a text dataset; see the module comment. */
export function planTextDataset(input: TextPlanInput): TextPlan {
  let options = input.text;
  let cap: number | null = null;
  if (input.chooseDefaults === true) {
    const decoded: string[] = [];
    for (const check of input.checks.values())
      if (check.ok && 'texts' in check) decoded.push(...check.texts);
    const chosen = chooseTextDefaults(decoded, options);
    options = chosen.options;
    cap = chosen.length.cap;
  }
  const plan = planDataset({
    kind: 'text',
    discovery: input.discovery,
    checks: input.checks,
    ...(input.ignored === undefined ? {} : { ignored: input.ignored }),
    split: input.split,
    countTokens: (t) => tokenize(t, options).length,
    sequence: { length: options.sequenceLength, truncating: options.truncating, cap },
    linesMode: options.sampleUnit === 'lines',
    ...(input.thresholds === undefined ? {} : { thresholds: input.thresholds }),
  });
  const texts = plan.samples.map((s) => s.text ?? '');
  const vocabulary =
    input.vocabulary ??
    buildVocabulary(
      plan.split.train.map((i) => tokenize(texts[i] as string, options)),
      options.vocabularySize,
    );
  return { plan, texts, vocabulary, options };
}
