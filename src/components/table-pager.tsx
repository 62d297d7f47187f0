// Paging under a server-paged table: rows per page, the range shown, previous and next. MUI's
// TablePagination brings a menu select and tooltips (Popper.js) to the first page; this is native.
import KeyboardArrowLeftIcon from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputBase from '@mui/material/InputBase';
import NativeSelect from '@mui/material/NativeSelect';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface TablePagerProps {
  /** Rows in all pages. */
  count: number;
  /** Zero-based. */
  page: number;
  rowsPerPage: number;
  rowsPerPageOptions: readonly number[];
  onPageChange: (page: number) => void;
  onRowsPerPageChange: (rowsPerPage: number) => void;
}

export function TablePager({ count, page, rowsPerPage, rowsPerPageOptions, onPageChange, onRowsPerPageChange }: TablePagerProps) {
  const { t } = useTranslation('common');
  const id = useId();
  const from = count === 0 ? 0 : page * rowsPerPage + 1;
  const to = Math.min(count, (page + 1) * rowsPerPage);
  const lastPage = Math.max(0, Math.ceil(count / rowsPerPage) - 1);
  return (
    <Box
      sx={{
        display: 'flex', alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap', columnGap: 3, rowGap: 0.5,
        minHeight: 52, px: 2, typography: 'body2',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <label htmlFor={id}>{t('pager.rowsPerPage')}</label>
        <NativeSelect
          id={id}
          value={rowsPerPage}
          onChange={(event) => onRowsPerPageChange(Number(event.target.value))}
          input={<InputBase sx={{ fontSize: 'inherit' }} />}
        >
          {rowsPerPageOptions.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </NativeSelect>
      </Box>
      <span>{t('pager.range', { from, to, count })}</span>
      <Box sx={{ display: 'flex' }}>
        <IconButton onClick={() => onPageChange(page - 1)} disabled={page <= 0} aria-label={t('pager.previous')} title={t('pager.previous')}>
          <KeyboardArrowLeftIcon />
        </IconButton>
        <IconButton onClick={() => onPageChange(page + 1)} disabled={page >= lastPage} aria-label={t('pager.next')} title={t('pager.next')}>
          <KeyboardArrowRightIcon />
        </IconButton>
      </Box>
    </Box>
  );
}
