import { create } from 'zustand';

/**
 * Transient messages for operation failures and confirmations. The text is an
 * i18n key plus values, so a toast is worded by error code, never by a raw
 * English `error.message`.
 */
export interface Toast {
  readonly id: number;
  readonly tone: 'error' | 'warning' | 'info' | 'success';
  readonly messageKey: string;
  readonly values?: Readonly<Record<string, string | number>>;
  /** Plain text that is already translated (e.g. a formatted diagnostic). */
  readonly text?: string;
}

interface ToastState {
  readonly toasts: readonly Toast[];
}

export const useToastStore = create<ToastState>()(() => ({ toasts: [] }));

let nextId = 1;
const maxVisible = 4;

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  useToastStore.setState((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-maxVisible) }));
  return id;
}

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
