import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { defaultImageOptions } from '../../core/data/index';
import { serializeProject, type ProjectDoc } from '../../core/io/index';
import type { DatasetReading, EpochMetrics } from '../../core/train/index';
import { loadTorchTraining } from './load-weights';
import { writeCliExport } from './write-export';

/** What the command needs from the CLI around it. */
export interface LoadWeightsContext {
  readonly project: ProjectDoc;
  readonly dir: string;
  readonly save: string | null;
  readonly outDir: () => Promise<string>;
  readonly layerlabVersion: () => Promise<string>;
  readonly say: (line: string) => void;
  readonly epochLine: (m: EpochMetrics, total: number) => string;
}

/**
 * `npm run train -- PROJECT --load-weights DIR`: the output of the exported
 * train.py (on a cluster, say) comes back into LayerLab as if trained here:
 * its run is printed like a local one, `--save` keeps model and run in the
 * project file (the app shows them on opening), and the export folder is
 * written from the loaded weights.
 */
export async function runLoadWeights(c: LoadWeightsContext): Promise<void> {
  const { say } = c;
  const { model, torchRun, record } = await loadTorchTraining(
    c.project,
    c.dir,
    (processes) => `PyTorch (${processes} process${processes === 1 ? '' : 'es'})`,
  );
  const { run } = torchRun;
  say(
    `weights: ${path.join(c.dir, 'weights.npz')} fit the network; trained by PyTorch on ${torchRun.processes} process(es) (${torchRun.device}), finished ${torchRun.finishedAt}`,
  );
  const total = run.epochs.length > 0 ? (run.epochs[run.epochs.length - 1]?.epoch ?? 0) + 1 : 0;
  for (const m of run.epochs) say(c.epochLine(m, total));
  say(`outcome: ${run.outcome ?? 'n/a'}`);
  const last = run.epochs[run.epochs.length - 1];
  if (last?.valAccuracy != null) say(`validation accuracy: ${last.valAccuracy.toFixed(4)}`);
  if (c.save !== null) {
    await writeFile(c.save, serializeProject(c.project, { trainedModel: record }), 'utf8');
    say(`project saved with the loaded model and its run: ${c.save}`);
  }
  const dataset = record.dataset;
  const reading: DatasetReading =
    dataset.kind === 'text' && dataset.text !== null
      ? { kind: 'text', text: dataset.text, chooseDefaults: false }
      : { kind: 'image', image: dataset.image ?? defaultImageOptions };
  const exported = await writeCliExport(
    model,
    {
      modelName: c.project.name,
      layerlabVersion: await c.layerlabVersion(),
      classNames: dataset.classNames,
      reading,
      vocabulary: dataset.vocabulary,
      epochs: run.epochs,
      test: null,
      trainScript: {
        training: run.settings,
        validationKeys: dataset.split.validationPaths ?? null,
        augmentation: dataset.image?.augmentation ?? null,
      },
    },
    await c.outDir(),
  );
  say(`export folder: ${exported.folder}`);
  say(`export files: ${exported.files.join(', ')}`);
  model.dispose();
}
