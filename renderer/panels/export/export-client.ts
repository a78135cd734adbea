import type {
  ExportDone,
  ExportJob,
  FileMap,
  FromExportWorker,
  ImportDone,
  ToExportWorker,
  TorchWeightsDone,
  TorchWeightsJob,
  WorkerReply,
} from './export-protocol';

/** The panel's side of the export worker: one request, one reply, matched by id. */
export interface ExportClient {
  exportModel(job: ExportJob): Promise<WorkerReply<ExportDone>>;
  importModel(files: FileMap): Promise<WorkerReply<ImportDone>>;
  torchWeights(job: TorchWeightsJob): Promise<WorkerReply<TorchWeightsDone>>;
}

/** `Omit` applied to each member of a union (plain `Omit` would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The window's export worker client (created once by the shell). The worker
 * starts on the first export and is kept for later ones; it holds no project
 * state between requests: every job carries its model and data.
 */
export function createExportClient(): ExportClient {
  let worker: Worker | null = null;
  const ensure = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
      type: 'module',
      name: 'layerlab-export',
    });
    listen(worker);
    return worker;
  };
  const pending = new Map<
    number,
    (reply: WorkerReply<ExportDone | ImportDone | TorchWeightsDone>) => void
  >();
  let nextId = 1;
  const listen = (w: Worker): void => {
    w.addEventListener('message', (event: MessageEvent<FromExportWorker>) => {
      pending.get(event.data.id)?.(event.data.reply);
      pending.delete(event.data.id);
    });
    w.addEventListener('error', (event: ErrorEvent) => {
      for (const resolve of pending.values())
        resolve({
          ok: false,
          error: { code: 'export-failed', message: event.message || 'the export worker stopped' },
        });
      pending.clear();
    });
  };
  const send = <T extends ExportDone | ImportDone | TorchWeightsDone>(
    message: WithoutId<ToExportWorker>,
  ): Promise<WorkerReply<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(
        id,
        resolve as (reply: WorkerReply<ExportDone | ImportDone | TorchWeightsDone>) => void,
      );
      ensure().postMessage({ ...message, id } as ToExportWorker);
    });
  return {
    exportModel: (job) => send<ExportDone>({ type: 'export', job }),
    importModel: (files) => send<ImportDone>({ type: 'import', files }),
    torchWeights: (job) => send<TorchWeightsDone>({ type: 'torch-weights', job }),
  };
}
