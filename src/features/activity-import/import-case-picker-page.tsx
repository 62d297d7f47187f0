// /import: the import always goes into a case, so the first step is choosing a draft case.
import Container from '@mui/material/Container';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCaseList } from '../../api/client/case-queries';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoading } from '../../components/page-loading';
import { importPath } from './signal-link';

export function ImportCasePickerPage() {
  const { t } = useTranslation('activityImport');
  const cases = useCaseList({ status: 'draft', sort: 'name', dir: 'asc', pageSize: 200 });
  const items = cases.data?.items ?? [];
  return (
    <Container maxWidth="md" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('picker.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('picker.intro')}
      </Typography>
      {cases.error && <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isPending && <PageLoading />}
      {cases.data && items.length === 0 && <Typography>{t('picker.empty')}</Typography>}
      {items.length > 0 && (
        <Paper>
          <List aria-label={t('picker.listLabel')}>
            {items.map((row) => (
              <ListItemButton key={row.id} component={RouterLink} to={importPath(row.id)}>
                <ListItemText primary={t('picker.importInto', { name: row.name })} secondary={t('picker.signals', { count: row.signalCount })} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </Container>
  );
}
