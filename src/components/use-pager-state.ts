// Apart from table-pager.tsx: the case list, on the first page, pages through the URL and does not load it.
import { useState } from 'react';

/**
 * The state of a pager kept in its component (tables not paged through the URL): a new page size
 * goes back to the first page. Spread `pagerProps` into TablePager.
 */
export function usePagerState(rowsPerPageOptions: readonly number[]) {
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(rowsPerPageOptions[0] ?? 25);
  const onRowsPerPageChange = (rows: number) => {
    setRowsPerPage(rows);
    setPage(0);
  };
  return { page, setPage, rowsPerPage, pagerProps: { page, rowsPerPage, rowsPerPageOptions, onPageChange: setPage, onRowsPerPageChange } };
}
