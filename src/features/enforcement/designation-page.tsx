// The designation record page (/designations/:caseId): the approved designation (R17), account
// association (R16), enforcement actions with their expiry (R14-R15) and the exports (R19); for a case
// without a designation, the actions the general Rules allow on it (R14). On either, the
// platform-manipulation track's enforcement (R3), re-application proposals from imports (R15), and the
// case timeline (issue 16 §2).
import Alert from '@mui/material/Alert';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { CaseDocument } from '../../api/contract/case';
import { hasRole, type User } from '../../api/contract/users';
import { StatusChip } from '../../components/case-chips';
import { CaseForUser } from '../../components/case-for-user';
import { CaseTimeline } from '../../components/case-timeline/case-timeline';
import { useNow } from '../../components/use-now';
import { associationsOpen, designationInForce } from './action-rules';
import { AccountsSection } from './accounts-section';
import { ActionsSection } from './actions-section';
import { DesignationRecordCard } from './designation-record-card';
import { ExportsSection } from './exports-section';
import { ManipulationSection } from './manipulation-section';
import { ReapplicationSection } from './reapplication-section';

export function DesignationPage() {
  const { caseId = '' } = useParams();
  return <CaseForUser caseId={caseId}>{(caseDocument, me) => <Designation caseDocument={caseDocument} me={me} />}</CaseForUser>;
}

function Designation({ caseDocument, me }: { caseDocument: CaseDocument; me: User }) {
  const { t } = useTranslation(['enforcement', 'policy']);
  const now = useNow();
  const { designation } = caseDocument;
  // R3's approved suspensions have a decision record (and statements of reasons) of their own.
  const r3Approved = caseDocument.manipulationProposals.some((proposal) => proposal.decision?.outcome === 'approve');
  return (
    <Container maxWidth="xl" sx={{ py: 3 }}>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Link component={RouterLink} to={`/cases/${caseDocument.id}`}>
          {t('page.toCase')}
        </Link>
        <Link component={RouterLink} to={`/review/${caseDocument.id}`}>
          {t('page.toReview')}
        </Link>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h4" component="h1">
          {t('page.title', { name: caseDocument.actor.name })}
        </Typography>
        <StatusChip status={caseDocument.status} />
      </Stack>
      {!designation ? (
        <Stack spacing={2}>
          <Alert severity="info">{t('page.noDesignation', { status: t(`policy:status.${caseDocument.status}`) })}</Alert>
          <ManipulationSection caseDocument={caseDocument} me={me} now={now} />
          {/* R14: the general Rules' actions do not wait for a designation. */}
          <ActionsSection caseDocument={caseDocument} now={now} open={false} canAct={hasRole(me, 'reviewer')} />
          <CaseTimeline source={caseDocument} now={now} />
          {r3Approved && <ExportsSection caseDocument={caseDocument} />}
        </Stack>
      ) : (
        <Stack spacing={2}>
          <DesignationRecordCard caseDocument={caseDocument} designation={designation} now={now} />
          {/* Issue 16 §2: signals, harm, decisions, enforcement and periodic reviews on one axis. */}
          <CaseTimeline source={caseDocument} now={now} />
          <AccountsSection caseDocument={caseDocument} open={associationsOpen(caseDocument)} now={now} />
          <ManipulationSection caseDocument={caseDocument} me={me} now={now} />
          <ActionsSection caseDocument={caseDocument} now={now} open={designationInForce(caseDocument)} canAct={hasRole(me, 'reviewer')} />
          <ReapplicationSection caseDocument={caseDocument} me={me} />
          <ExportsSection caseDocument={caseDocument} />
        </Stack>
      )}
    </Container>
  );
}
