// Shown when a page throws while rendering, or its code or texts fail to load: keeps the shell. A
// failed load is not a crash: offline it says so and comes back by itself when the network returns;
// online it offers a retry that loads again without reloading the page. Anything else offers a
// reload. A plain error boundary: the app uses react-router's declarative mode, which has no
// `errorElement` (and ships without the data router's code).
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import { Component, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../api/client/online-status';
import { isLoadFailure, LoadFailedError } from './load-when-online';

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

/** A screen whose code or texts did not arrive: waits for the network, or offers to try again. */
export function LoadFailedPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('common');
  const online = useOnline();
  const [retrying, setRetrying] = useState(false);
  const wasOnline = useRef(online);

  const retry = () => {
    setRetrying(true);
    // Failed texts load again first; the screen's code loads again when the boundary re-renders it.
    void (error instanceof LoadFailedError ? error.reload() : Promise.resolve()).finally(onRetry);
  };

  useEffect(() => {
    // The network is back: try again without being asked.
    if (online && !wasOnline.current) retry();
    wasOnline.current = online;
  });

  return (
    <Container maxWidth="sm" sx={{ py: 6 }}>
      {online ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" disabled={retrying} onClick={retry}>
              {t('actions.retry')}
            </Button>
          }
        >
          <AlertTitle>{t('offline.loadFailedTitle')}</AlertTitle>
          {t('offline.loadFailedBody')}
        </Alert>
      ) : (
        <Box component="output" sx={{ display: 'block' }}>
          <Alert severity="info" role="none">
            {t('offline.screenWaiting')}
          </Alert>
        </Box>
      )}
    </Container>
  );
}

/**
 * Catches what a page throws. Give it `key` = the page, so that another page starts afresh, and
 * `resetKey` = the path, so that going elsewhere within the page (a case's tab) clears a failure
 * without remounting what did not fail (issue 14: a remount sent the case editor's edits twice).
 */
interface BoundaryState {
  error: unknown;
  failed: boolean;
  resetKey: string | undefined;
}

export class RouteErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, BoundaryState> {
  override state: BoundaryState = { error: undefined, failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: undefined, failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('Route error', error);
  }

  private readonly retry = (): void => this.setState({ error: undefined, failed: false });

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return isLoadFailure(this.state.error) ? <LoadFailedPage error={this.state.error} onRetry={this.retry} /> : <RouteErrorPage />;
  }
}
