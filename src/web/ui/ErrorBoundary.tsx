import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './States';

type Props = { children: ReactNode; resetKey: string };
type State = { error: unknown; key: string };

/** Catches a page that fails to render or to load its code (e.g. after a deploy), per location. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('page failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page">
          <ErrorState title="This page could not be shown" error={this.state.error} onRetry={() => window.location.reload()} />
        </div>
      );
    }
    return this.props.children;
  }
}
