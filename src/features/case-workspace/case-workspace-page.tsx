// The case page: header and deep-linked tabs. (Skeleton of the spine; the workbench issue fills the tabs.)
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, Navigate } from 'react-router';
import type { CaseDocument } from '../../api/contract/case';
import { StatusChip } from '../../components/case-chips';

export const CASE_TABS = ['overview', 'harm', 'evidence', 'accounts'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

function isCaseTab(value: string | undefined): value is CaseTab {
  return (CASE_TABS as readonly string[]).includes(value ?? '');
}

export function CaseWorkspacePage({ caseDocument, tab }: { caseDocument: CaseDocument; tab: string | undefined }) {
  const { t } = useTranslation(['workspace', 'policy']);
  if (!isCaseTab(tab)) return <Navigate to={`/cases/${caseDocument.id}/overview`} replace />;
  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h4" component="h1">
          {caseDocument.actor.name}
        </Typography>
        <StatusChip status={caseDocument.status} />
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t(`policy:actorKind.${caseDocument.actor.kind}`)}
      </Typography>
      <Tabs value={tab} aria-label={t('tabs.label')}>
        {CASE_TABS.map((id) => (
          <Tab key={id} value={id} label={t(`tabs.${id}`)} component={RouterLink} to={`/cases/${caseDocument.id}/${id}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" sx={{ py: 2 }}>
        <Typography>{caseDocument.actor.purpose}</Typography>
      </Box>
    </Container>
  );
}
