// Harm tab (R5-R7): the severity matrix, then one form per category.
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { HARM_CATEGORIES } from '../../engine/policy-terms';
import { HarmCategoryForm } from './harm-category-form';
import { SeverityMatrix } from './severity-matrix';

export function HarmTab() {
  const { t } = useTranslation(['workspace', 'policy']);
  return (
    <Stack spacing={3}>
      <Paper component="section" aria-labelledby="harm-overview" sx={{ p: 2 }}>
        <Typography variant="h5" component="h2" id="harm-overview" gutterBottom>
          {t('harm.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('policy:rule.R7')}
        </Typography>
        <SeverityMatrix />
      </Paper>
      {HARM_CATEGORIES.map((category) => (
        <HarmCategoryForm key={category} category={category} />
      ))}
    </Stack>
  );
}
