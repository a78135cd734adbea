import { create } from 'zustand';

/**
 * Presentation mode, for projectors: larger canvas text (the canvas opens and
 * fits at a zoom where node titles are at least `presentationTitlePx`) and
 * larger panels (`data-presentation` on `<html>`, styles/presentation.css).
 * App-wide like the theme, kept in localStorage.
 */
const storageKey = 'layerlab.presentation';

/** Smallest node title on screen at the view a graph opens at, in px. */
export const normalTitlePx = 12;
export const presentationTitlePx = 18;

function readStored(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'on';
  } catch {
    return false;
  }
}

interface PresentationState {
  readonly on: boolean;
}

export const usePresentationStore = create<PresentationState>()(() => ({ on: readStored() }));

function applyPresentation(on: boolean): void {
  if (on) document.documentElement.dataset.presentation = 'on';
  else delete document.documentElement.dataset.presentation;
}

export function setPresentation(on: boolean): void {
  try {
    localStorage.setItem(storageKey, on ? 'on' : 'off');
  } catch {
    // Storage disabled: keep the choice for this session only.
  }
  usePresentationStore.setState({ on });
  applyPresentation(on);
}

export function togglePresentation(): void {
  setPresentation(!usePresentationStore.getState().on);
}

/** Applies the stored choice at start-up. */
export function startPresentationSync(): void {
  applyPresentation(usePresentationStore.getState().on);
}
