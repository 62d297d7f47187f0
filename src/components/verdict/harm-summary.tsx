// The engine's per-category harm result: set severity, rubric suggestion, and an R6 warning.
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { HarmCategoryResult } from '../../engine/verdict';
import { RuleChip } from './rule-chip';

export function HarmSummary({ harm }: { harm: HarmCategoryResult[] }) {
  const { t } = useTranslation(['engine', 'policy']);
  const severityLabel = (value: HarmCategoryResult['severity']) =>
    value ? t(`policy:severity.${value}`) : t('policy:severity.unrated');
  return (
    <Table size="small" aria-label={t('engine:panel.harm')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('engine:panel.category')}</TableCell>
          <TableCell>{t('engine:panel.severity')}</TableCell>
          <TableCell>{t('engine:panel.suggested')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {harm.map((row) => (
          <TableRow key={row.category} data-testid={`harm-row-${row.category}`}>
            <TableCell component="th" scope="row">
              {t(`policy:harmCategory.${row.category}`)}
            </TableCell>
            <TableCell>{severityLabel(row.severity)}</TableCell>
            <TableCell>
              {severityLabel(row.suggested)}
              {row.disagrees && (
                <>
                  {' '}
                  <RuleChip rule="R6" color={row.justificationMissing ? 'warning' : 'default'} />
                  <span> {row.justificationMissing ? t('engine:panel.justificationNeeded') : t('engine:panel.justified')}</span>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
