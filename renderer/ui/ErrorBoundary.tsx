import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  /** i18n key naming the region ("canvas", "side panel"), shown in the fallback. */
  readonly regionKey: string;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly error: Error | null;
}

/**
 * Catches a bug in one region (canvas, side panel, charts) so the rest of the
 * editor keeps working. The user sees a short message and can retry; the
 * stack goes to the developer console only.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.regionKey}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <RegionFallback
        regionKey={this.props.regionKey}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

function RegionFallback({
  regionKey,
  onRetry,
}: {
  readonly regionKey: string;
  readonly onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="region-fallback" role="alert">
      <p>{t('app:errors.regionCrashed', { region: t(regionKey) })}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('app:errors.retry')}
      </button>
    </div>
  );
}
