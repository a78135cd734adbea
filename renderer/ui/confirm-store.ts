import { create } from 'zustand';

/** The user's answer to a confirmation: the main action, the alternative, or cancel. */
export type ConfirmAnswer = 'confirm' | 'alternative' | 'cancel';

export interface ConfirmRequest {
  readonly titleKey: string;
  readonly messageKey: string;
  readonly values?: Readonly<Record<string, string>>;
  readonly confirmKey: string;
  /** An optional third button (e.g. "Don't save"). */
  readonly alternativeKey?: string;
  readonly cancelKey: string;
}

interface ConfirmState {
  readonly pending: (ConfirmRequest & { readonly resolve: (a: ConfirmAnswer) => void }) | null;
}

export const useConfirmStore = create<ConfirmState>()(() => ({ pending: null }));

/** Shows the in-app confirmation dialog and resolves with the user's answer. */
export function askConfirm(request: ConfirmRequest): Promise<ConfirmAnswer> {
  const previous = useConfirmStore.getState().pending;
  previous?.resolve('cancel');
  return new Promise((resolve) => {
    useConfirmStore.setState({
      pending: {
        ...request,
        resolve: (answer) => {
          useConfirmStore.setState({ pending: null });
          resolve(answer);
        },
      },
    });
  });
}
