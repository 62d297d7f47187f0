// Shown when a page throws while rendering, or its code fails to load: keeps the shell, offers a
// reload. A plain error boundary: the app uses react-router's declarative mode, which has no
// `errorElement` (and ships without the data router's code).
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function RouteErrorPage() {
  const { t } = useTranslation('common');
  return (
    <Container maxWidth="sm" sx={{ py: 6 }}>
      <Alert severity="error" action={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}>
        <AlertTitle>{t('error.boundaryTitle')}</AlertTitle>
        {t('error.boundaryBody')}
      </Alert>
    </Container>
  );
}

/**
 * Catches what a page throws. Give it `key` = the page, so that another page starts afresh, and
 * `resetKey` = the path, so that going elsewhere within the page (a case's tab) clears a failure
 * without remounting what did not fail (issue 14: a remount sent the case editor's edits twice).
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean; resetKey: string | undefined }> {
  override state: { failed: boolean; resetKey: string | undefined } = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { resetKey: string | undefined }): { failed: boolean; resetKey: string | undefined } | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Route error', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
