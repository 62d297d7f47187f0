// R19, issue 10 §3: a link to a case's CSV export. Against the server the browser saves the file as the
// server streams it (the session cookie goes with the link); the mock backend's identity is a header a
// link cannot carry, so there the file is fetched and saved by the page.
import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useState, type MouseEvent } from 'react';
import { csvExportPath } from '../../api/client/designation-list-queries';
import { apiLinksCarryIdentity, fetchApiText } from '../../api/client/http-client';
import { downloadFile } from '../../components/download-file';
import { ErrorAlert } from '../../components/error-alert';

export interface CsvExportLinkProps {
  caseId: string;
  file: 'accounts' | 'actions';
  label: string;
}

export function CsvExportLink({ caseId, file, label }: CsvExportLinkProps) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileName = `${file === 'accounts' ? 'accounts' : 'enforcement-actions'}-${caseId}.csv`;

  const save = async (event: MouseEvent<HTMLAnchorElement>) => {
    if (apiLinksCarryIdentity()) return;
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const text = await fetchApiText(file === 'accounts' ? 'caseAccountsCsv' : 'caseActionsCsv', { params: { caseId } });
      // The text arrives without the file's byte-order mark (a decoder drops it): put back for spreadsheets.
      downloadFile(fileName, 'text/csv;charset=utf-8', text.replace(/^\uFEFF/, ''), { byteOrderMark: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        size="small"
        startIcon={<DownloadIcon />}
        component="a"
        href={csvExportPath(file, caseId)}
        download={fileName}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => void save(event)}
        aria-disabled={busy || undefined}
      >
        {label}
      </Button>
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
}
