// Shown when a route throws while rendering: keeps the shell, offers a reload.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  console.warn('Route error', error);
  return (
    <Container maxWidth="sm" sx={{ py: 6 }}>
      <Alert severity="error" action={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}>
        <AlertTitle>{t('error.boundaryTitle')}</AlertTitle>
        {t('error.boundaryBody')}
      </Alert>
    </Container>
  );
}
