import type {
  ExportDone,
  ExportJob,
  FileMap,
  FromExportWorker,
  ImportDone,
  ToExportWorker,
  WorkerReply,
} from './export-protocol';

/** The panel's side of the export worker: one request, one reply, matched by id. */
export interface ExportClient {
  exportModel(job: ExportJob): Promise<WorkerReply<ExportDone>>;
  importModel(files: FileMap): Promise<WorkerReply<ImportDone>>;
}

/** `Omit` applied to each member of a union (plain `Omit` would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let client: ExportClient | null = null;

/** The window's export worker, created on first use and kept for later exports. */
export function getExportClient(): ExportClient {
  if (client) return client;
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layerlab-export',
  });
  const pending = new Map<number, (reply: WorkerReply<ExportDone | ImportDone>) => void>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<FromExportWorker>) => {
    pending.get(event.data.id)?.(event.data.reply);
    pending.delete(event.data.id);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    for (const resolve of pending.values())
      resolve({
        ok: false,
        error: { code: 'export-failed', message: event.message || 'the export worker stopped' },
      });
    pending.clear();
  });
  const send = <T extends ExportDone | ImportDone>(
    message: WithoutId<ToExportWorker>,
  ): Promise<WorkerReply<T>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (reply: WorkerReply<ExportDone | ImportDone>) => void);
      worker.postMessage({ ...message, id } as ToExportWorker);
    });
  client = {
    exportModel: (job) => send<ExportDone>({ type: 'export', job }),
    importModel: (files) => send<ImportDone>({ type: 'import', files }),
  };
  return client;
}
