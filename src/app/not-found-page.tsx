import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';

export function NotFoundPage({ caseId }: { caseId?: string }) {
  const { t } = useTranslation('common');
  return (
    <Container maxWidth="sm" sx={{ py: 6 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {caseId ? t('notFound.caseTitle') : t('notFound.title')}
      </Typography>
      <Typography sx={{ mb: 3 }}>{caseId ? t('notFound.caseBody', { id: caseId }) : t('notFound.body')}</Typography>
      <Button variant="contained" component={RouterLink} to="/cases">
        {t('notFound.toCases')}
      </Button>
    </Container>
  );
}
