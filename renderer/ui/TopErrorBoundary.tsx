import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TopProps {
  /** The project JSON plus app version, to rescue the user's work. */
  readonly getRescueBundle: () => string;
  readonly children: ReactNode;
}

interface TopState {
  readonly error: Error | null;
}

/**
 * Last line of defence: if the whole UI fails, show the user how to keep
 * their work (copy the project JSON) instead of a blank window.
 */
export class TopErrorBoundary extends Component<TopProps, TopState> {
  override state: TopState = { error: null };

  static getDerivedStateFromError(error: Error): TopState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[app]', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <AppCrashed bundle={safeBundle(this.props.getRescueBundle)} />;
  }
}

function safeBundle(get: () => string): string {
  try {
    return get();
  } catch {
    return '';
  }
}

function AppCrashed({ bundle }: { readonly bundle: string }) {
  const { t } = useTranslation();
  const copy = (): void => {
    void navigator.clipboard?.writeText(bundle).catch(() => undefined);
  };
  return (
    <div className="app-crashed" role="alert">
      <h1>{t('app:errors.appCrashedTitle')}</h1>
      <p>{t('app:errors.appCrashedBody')}</p>
      <button type="button" className="btn btn-primary" onClick={copy}>
        {t('app:errors.copyProject')}
      </button>
      <textarea readOnly value={bundle} aria-label={t('app:errors.projectJson')} />
      <button type="button" className="btn" onClick={() => location.reload()}>
        {t('app:errors.reload')}
      </button>
    </div>
  );
}
