// The whole harm assessment at a glance (R5-R7): one row per category, one column per severity, the
// analyst's choice filled and the rubric's suggestion outlined.
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HARM_CATEGORIES, SEVERITIES, type HarmCategory, type Severity } from '../../engine/policy-terms';
import { suggestSeverity } from '../../engine/severity-rubric';
import { fieldId } from './field-ids';
import { useWorkspace } from './workspace-context';
import type { CaseFormValues } from './case-content';

export function SeverityMatrix() {
  const { t } = useTranslation(['workspace', 'policy']);
  const { focusField } = useWorkspace();
  // The chosen and suggested severities only: typing in a harm form's text re-renders nothing here.
  const rows = useWatch<CaseFormValues, 'harm', CaseFormValues, MatrixRowValue[]>({
    name: 'harm',
    compute: (harm) => HARM_CATEGORIES.map((category) => ({ category, severity: harm[category].severity, suggested: suggestSeverity(harm[category].rubric) })),
  });
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-describedby="severity-matrix-legend">
        <caption id="severity-matrix-legend">{t('harm.matrixCaption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('harm.matrixCategory')}</TableCell>
            {SEVERITIES.map((severity) => (
              <TableCell key={severity} component="th" scope="col" align="center">
                {t(`policy:severity.${severity}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ category, severity, suggested }) => (
            <MatrixRow
              key={category}
              category={category}
              severity={severity}
              suggested={suggested}
              onOpen={() => focusField(`harm.${category}.severity`)}
            />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

interface MatrixRowValue {
  category: HarmCategory;
  severity: Severity | null;
  suggested: Severity | null;
}

function MatrixRow({ category, severity, suggested, onOpen }: {
  category: HarmCategory;
  severity: Severity | null;
  suggested: Severity | null;
  onOpen: () => void;
}) {
  const { t } = useTranslation(['workspace', 'policy']);
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <Link
          href={`#${fieldId(`harm.${category}.severity`)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpen();
          }}
        >
          {t(`policy:harmCategory.${category}`)}
        </Link>
      </TableCell>
      {SEVERITIES.map((level) => {
        const chosen = severity === level;
        const isSuggested = suggested === level;
        const label = [chosen ? t('harm.matrixChosen') : '', isSuggested ? t('harm.matrixSuggested') : ''].filter(Boolean).join(', ');
        return (
          <TableCell key={level} align="center" data-testid={`matrix-${category}-${level}`}>
            <Box
              component="span"
              sx={{
                display: 'inline-flex', minWidth: 72, justifyContent: 'center', borderRadius: 1, px: 1, py: 0.25,
                fontWeight: chosen ? 700 : 400,
                bgcolor: chosen ? 'primary.main' : 'transparent',
                color: chosen ? 'primary.contrastText' : 'text.secondary',
                outline: isSuggested ? '2px dashed' : 'none',
                outlineColor: 'secondary.main',
              }}
            >
              {label || <span aria-hidden>·</span>}
            </Box>
          </TableCell>
        );
      })}
    </TableRow>
  );
}
