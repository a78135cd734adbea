import { chmod, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import type {
  RecoveredEntry,
  RecoveryListing,
  RecoverySlot,
  RecoverySummary,
  RecoveryWrite,
} from '../../../core/contract/host';
import { maxRecoveryChars, recoveryBudgetBytes } from '../../../core/contract/request-schemas';
import { writeFileAtomically } from './atomic-write';
import { errnoOf, HostFailure } from './host-error';
import { opaqueIdSchema } from './registry-files';

/**
 * Hot exit and crash recovery (issue 16): the unsaved state of every open
 * project and lab, one folder in the profile (never beside the user's files).
 * Each open document has its own session id (one per tab or window), so two
 * never write the same files: `<sessionId>.document.json` (the document,
 * rewritten within seconds of an edit) and `<sessionId>.checkpoint.json` (the
 * trained weights after the last epoch). Writes are atomic (temp file, fsync,
 * rename), files 0600 in a 0700 folder; the whole folder is capped at
 * `budgetBytes`, and a write that would pass it is refused rather than
 * evicting another window's work. A file that cannot be read is moved aside as
 * `*.corrupt` and reported, never fatal.
 *
 * Entries written by this host run belong to windows that are still open:
 * `list` leaves them out, so a second window is not offered a live one's work.
 */
export interface RecoveryStore {
  write(request: RecoveryWrite): Promise<void>;
  list(): Promise<RecoveryListing>;
  read(sessionId: string): Promise<RecoveredEntry>;
  discard(sessionId: string, slot?: RecoverySlot): Promise<void>;
}

const slots: readonly RecoverySlot[] = ['document', 'checkpoint'];

const storedPartSchema = z.object({
  version: z.literal(1),
  sessionId: opaqueIdSchema,
  kind: z.enum(['project', 'lab']),
  title: z.string().max(255),
  file: z
    .object({
      fileId: opaqueIdSchema,
      name: z.string().min(1).max(255),
      displayPath: z.string().max(4096),
    })
    .nullable(),
  savedAt: z.string().max(64),
  contents: z.string().max(maxRecoveryChars),
});
type StoredPart = z.infer<typeof storedPartSchema>;

const partName = /^([A-Za-z0-9_-]{8,64})\.(document|checkpoint)\.json$/;

export function createRecoveryStore(
  dir: string,
  budgetBytes: number = recoveryBudgetBytes,
  now: () => Date = () => new Date(),
): RecoveryStore {
  /** Session ids written by this host run: their windows are open. */
  const live = new Set<string>();
  /** One queue per session, so a discard never races a write of the same entry. */
  const queues = new Map<string, Promise<unknown>>();
  // Made on first use, not when the services are built.
  let made: Promise<void> | null = null;
  const ready = (): Promise<void> =>
    (made ??= mkdir(dir, { recursive: true, mode: 0o700 }).then(() =>
      chmod(dir, 0o700).catch(() => undefined),
    ));

  const fileOf = (sessionId: string, slot: RecoverySlot): string => {
    // Checked again here (not only by the request schema): this is what keeps names inside `dir`.
    if (!opaqueIdSchema.safeParse(sessionId).success)
      throw new HostFailure('invalid-argument', 'Bad recovery session id.');
    return path.join(dir, `${sessionId}.${slot}.json`);
  };

  function queued<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    queues.set(sessionId, next);
    const forget = (): void => {
      if (queues.get(sessionId) === next) queues.delete(sessionId);
    };
    next.then(forget, forget);
    return next;
  }

  async function readPart(file: string): Promise<StoredPart | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      const parsed = storedPartSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: a torn or foreign file
    }
    await rename(file, `${file}.corrupt`).catch(() => undefined);
    throw new CorruptPart(path.basename(file));
  }

  async function bytesExcept(except: string): Promise<number> {
    let total = 0;
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      if (file === except) continue;
      const info = await stat(file).catch(() => null);
      if (info?.isFile() === true) total += info.size;
    }
    return total;
  }

  return {
    async write(request) {
      await ready();
      const file = fileOf(request.sessionId, request.slot);
      live.add(request.sessionId);
      const part: StoredPart = {
        version: 1,
        sessionId: request.sessionId,
        kind: request.kind,
        title: request.title,
        file: request.file,
        savedAt: now().toISOString(),
        contents: request.contents,
      };
      const text = JSON.stringify(part);
      const bytes = Buffer.byteLength(text);
      await queued(request.sessionId, async () => {
        if (bytes + (await bytesExcept(file)) > budgetBytes)
          throw new HostFailure(
            'too-large',
            `The recovery store is full (${Math.round(budgetBytes / 1024 / 1024)} MB); this change is not kept for crash recovery.`,
          );
        await writeFileAtomically(file, text, { keepBackup: false, mode: 0o600 });
      });
    },

    async list() {
      await ready();
      const sessions = new Set<string>();
      for (const name of await readdir(dir)) {
        const match = partName.exec(name);
        if (match?.[1] !== undefined && !live.has(match[1])) sessions.add(match[1]);
      }
      const entries: RecoverySummary[] = [];
      const skipped: string[] = [];
      for (const sessionId of sessions) {
        try {
          const summary = await summaryOf(sessionId);
          if (summary !== null) entries.push(summary);
        } catch (error) {
          if (!(error instanceof CorruptPart)) throw error;
          skipped.push(error.fileName);
        }
      }
      entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return { entries, skipped };
    },

    async read(sessionId) {
      await ready();
      const entry = await queued(sessionId, () => entryOf(sessionId)).catch((error: unknown) => {
        if (error instanceof CorruptPart)
          throw new HostFailure('invalid-argument', 'This recovery entry is damaged.');
        throw error;
      });
      if (entry === null) throw new HostFailure('not-found', 'No such recovery entry.');
      return entry;
    },

    async discard(sessionId, slot) {
      await ready();
      const files = (slot === undefined ? slots : [slot]).map((s) => fileOf(sessionId, s));
      await queued(sessionId, async () => {
        await Promise.all(files.map((file) => rm(file, { force: true })));
      });
    },
  };

  /** The document part's description, with the latest time of either part; null if there is no document. */
  async function summaryOf(sessionId: string): Promise<RecoverySummary | null> {
    const entry = await entryOf(sessionId);
    if (entry === null) return null;
    const { contents: _contents, checkpoint: _checkpoint, ...summary } = entry;
    return summary;
  }

  async function entryOf(sessionId: string): Promise<RecoveredEntry | null> {
    const document = await readPart(fileOf(sessionId, 'document'));
    const checkpoint = await readPart(fileOf(sessionId, 'checkpoint'));
    const main = document ?? checkpoint;
    if (main === null) return null;
    const savedAt =
      checkpoint !== null && document !== null && checkpoint.savedAt > document.savedAt
        ? checkpoint.savedAt
        : main.savedAt;
    return {
      sessionId,
      kind: main.kind,
      title: main.title,
      file: main.file,
      savedAt,
      hasCheckpoint: checkpoint !== null,
      // A run that trained an unedited project leaves only a checkpoint: the document is in it.
      contents: document?.contents ?? '',
      checkpoint: checkpoint?.contents ?? null,
    };
  }
}

class CorruptPart extends Error {
  constructor(readonly fileName: string) {
    super(`Recovery entry ${fileName} is damaged.`);
  }
}
