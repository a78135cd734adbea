import {
  buildSubmission,
  serializeLabFile,
  serializeProject,
  serializeSubmission,
  type Host,
  type LabPack,
  type LoadedStep,
  type StepProgress,
} from '@core';

import { downloadText } from '../labs/download';
import type { ProjectSession } from '../session/project-session';
import type { Workspace } from '../session/workspace';
import { unsavedFile } from '../state/editor-store';
import { confirmDiscard } from '../state/project-actions';
import { resultsOf } from './step-checks';
import { stepState, updateStep, type PackStore } from './pack-store';

/** Opens a package's first step page (nothing is opened in the editor yet). */
export function startPack(
  store: PackStore,
  pack: LabPack,
  fileName: string,
  preview = false,
): void {
  store.setState({
    pack,
    fileName,
    currentStepId: pack.steps[0]?.step.id ?? null,
    steps: {},
    openLab: null,
    projectSession: null,
    preview,
  });
}

/** Opens a lab step full-window, with the student's numbers if they had changed them. */
export function openLabStep(store: PackStore, loaded: LoadedStep): void {
  if (!('lab' in loaded)) return;
  const st = stepState(store.getState(), loaded.step.id);
  updateStep(store, loaded.step.id, () => ({}));
  store.setState({
    openLab: {
      stepId: loaded.step.id,
      file: st.lab ?? loaded.lab,
      key: Date.now(),
    },
  });
}

/**
 * Opens a project step in the editor: the student's version if they had one
 * (with its trained model), else the package's starting network; its locks
 * go to the session's editor store, which refuses any edit that breaks them.
 */
export async function openProjectStep(
  store: PackStore,
  ctx: { readonly workspace: Workspace; readonly host: Host },
  loaded: LoadedStep,
): Promise<ProjectSession | null> {
  if (!('project' in loaded)) return null;
  const current = ctx.workspace.current();
  const ours = store.getState().projectSession;
  // The package keeps its own steps' work; only someone else's project may need saving.
  if (current && ours?.sessionId !== current.id && !(await confirmDiscard(ctx))) return null;
  const st = stepState(store.getState(), loaded.step.id);
  const trained = st.project?.stale ? null : (st.project?.trained ?? null);
  const session = await ctx.workspace.open({
    doc: st.project?.doc ?? loaded.project,
    file: unsavedFile,
    trained: trained ? { status: 'restored', record: trained } : { status: 'none' },
  });
  session.editor.getState().setLocks({
    layers: loaded.step.locks.layers,
    params: loaded.step.locks.params,
  });
  updateStep(store, loaded.step.id, () => ({}));
  store.setState({ projectSession: { stepId: loaded.step.id, sessionId: session.id } });
  return session;
}

/** Writes an embedded dataset (with its licence) into a folder the student chooses. */
export async function saveEmbeddedDataset(
  host: Host,
  pack: LabPack,
  folder: string,
): Promise<{ ok: true; displayPath: string } | { ok: false; code: string }> {
  const dataset = pack.datasets.get(folder);
  if (!dataset) return { ok: false, code: 'not-found' };
  const files: Record<string, Uint8Array | string> = Object.fromEntries(dataset.files);
  files['LICENSE.txt'] = dataset.licence;
  const written = await host.writeExportFolder({
    suggestedName: folder.split('/').pop() ?? 'dataset',
    files,
    overwrite: false,
  });
  return written.ok
    ? { ok: true, displayPath: written.value.displayPath }
    : { ok: false, code: written.error.code };
}

/** The submission text of everything the student has done (every check recomputed now). */
export function submissionText(store: PackStore, appVersion: string): string | null {
  const state = store.getState();
  const pack = state.pack;
  if (!pack) return null;
  const progress: Record<string, StepProgress> = {};
  for (const loaded of pack.steps) {
    const st = stepState(state, loaded.step.id);
    let work: string | null = null;
    if ('lab' in loaded) work = serializeLabFile(st.lab ?? loaded.lab);
    if ('project' in loaded)
      work = st.project
        ? serializeProject(st.project.doc, {
            trainedModel: st.project.stale ? null : st.project.trained,
          })
        : null;
    progress[loaded.step.id] = {
      openedAt: st.openedAt,
      updatedAt: st.updatedAt,
      work,
      answers: st.answers,
      done: st.done,
      results: resultsOf(state, pack, loaded),
    };
  }
  return serializeSubmission(
    buildSubmission({
      packId: pack.manifest.packId,
      packTitle: pack.manifest.title.en,
      stepIds: pack.steps.map((s) => s.step.id),
      student: state.student.trim(),
      progress,
      createdAt: new Date().toISOString(),
      appVersion,
    }),
  );
}

/** Downloads the submission as `<student>.layerlab-submission`. */
export function exportSubmission(store: PackStore, appVersion: string): boolean {
  const text = submissionText(store, appVersion);
  const student = store.getState().student.trim();
  if (text === null || student === '') return false;
  // eslint-disable-next-line no-control-regex -- control characters never go into a file name
  const safe = student.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
  downloadText(`${safe}.layerlab-submission`, text, 'application/json');
  return true;
}
