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

/** Catches what a page throws; give it `key={pathname}` so that going elsewhere starts afresh. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Route error', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}
