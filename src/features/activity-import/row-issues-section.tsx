// The rows that could not be imported as they are: the first 100 in a paged table, all of them
// (as many as the parser kept) in a formula-safe CSV download, both in the reader's language. The
// field is named as the parser names the file's column (`timestamp`), untranslated.
import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseIssue } from '../../engine/detection/parse-types';
import { formatNumber } from './import-format';
import { downloadFile } from '../../components/download-file';
import { issuesToCsv } from './issues-csv';
import { parseIssueText } from './parse-issue-text';

export const SHOWN_ISSUES = 100;
const PAGE_SIZE = 25;

export function RowIssuesSection({ caseId, issues, issueCount }: { caseId: string; issues: readonly ParseIssue[]; issueCount: number }) {
  const { t, i18n } = useTranslation('activityImport');
  const [page, setPage] = useState(0);
  const language = i18n.language;
  const shown = issues.slice(0, SHOWN_ISSUES);
  const rows = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  const download = () => {
    const header = [t('issues.csvHeader.row'), t('issues.csvHeader.field'), t('issues.csvHeader.reason'), t('issues.csvHeader.action'), t('issues.csvHeader.code')];
    const csv = issuesToCsv(
      header,
      issues.map((issue) => ({
        row: issue.row,
        field: issue.field,
        reason: parseIssueText(issue, t, language),
        action: t(`issues.outcome.${issue.action}`),
        code: issue.code,
      })),
    );
    downloadFile(t('issues.fileName', { case: caseId }), 'text/csv;charset=utf-8', csv, { byteOrderMark: true });
  };

  return (
    <Box component="section" aria-labelledby="import-issues-heading" sx={{ mt: 2 }}>
      <Typography id="import-issues-heading" variant="h6" component="h3">
        {t('issues.heading')}
      </Typography>
      <Typography variant="body2">
        {t('issues.count', { count: issueCount })}{' '}
        {t('issues.shown', { shown: formatNumber(shown.length, language), kept: formatNumber(issues.length, language) })}
      </Typography>
      {issueCount > issues.length && (
        <Typography variant="body2" color="text.secondary">
          {t('issues.beyondKept', { kept: formatNumber(issues.length, language), total: formatNumber(issueCount, language) })}
        </Typography>
      )}
      <Button variant="outlined" size="small" startIcon={<DownloadIcon />} onClick={download} sx={{ my: 1 }}>
        {t('issues.download')}
      </Button>
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={t('issues.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 80 }}>{t('issues.row')}</TableCell>
              <TableCell sx={{ width: 140 }}>{t('issues.field')}</TableCell>
              <TableCell>{t('issues.reason')}</TableCell>
              <TableCell sx={{ width: 200 }}>{t('issues.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((issue, index) => (
              <TableRow key={`${issue.row}-${issue.field ?? ''}-${page * PAGE_SIZE + index}`}>
                <TableCell>{formatNumber(issue.row, language)}</TableCell>
                <TableCell>{issue.field ?? t('issues.wholeRow')}</TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{parseIssueText(issue, t, language)}</TableCell>
                <TableCell>{t(`issues.outcome.${issue.action}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {shown.length > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={shown.length}
          page={page}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[]}
          onPageChange={(_, next) => setPage(next)}
          labelDisplayedRows={({ from, to, count }) => t('issues.displayed', { from, to, count })}
          getItemAriaLabel={(type) => t(`issues.page.${type}`)}
        />
      )}
    </Box>
  );
}
