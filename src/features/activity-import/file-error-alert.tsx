// A file-level failure (empty, binary, too large, unknown format, missing columns, unreadable) as
// one clear message, then why, in the reader's language when the parser said why (`detail`: which
// columns are missing, what the file looks like). Without a detail (the browser could not read the
// file, the worker failed, or a report stored before details existed) the message follows as it came.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ParseFatalCode, ParseFatalDetail } from '../../engine/detection/parse-types';
import { IMPORT_LIMITS } from './format-sniff';
import { formatBytes } from './import-format';
import { fatalDetailText } from './parse-issue-text';

export type FileErrorCode = ParseFatalCode | 'read-failed' | 'worker-failed';

export interface FileErrorAlertProps {
  code: FileErrorCode;
  message?: string | undefined;
  detail?: ParseFatalDetail | undefined;
}

export function FileErrorAlert({ code, message, detail }: FileErrorAlertProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const limit = detail?.kind === 'too-large' ? detail.limit : IMPORT_LIMITS.maxBytes;
  const why = detail !== undefined ? fatalDetailText(detail, t, language) : code === 'file-too-large' ? null : (message ?? null);
  return (
    <Alert severity="error" role="alert" data-testid="import-file-error">
      <AlertTitle>{t('fatal.title')}</AlertTitle>
      {t(`fatal.${code}`, { size: formatBytes(limit, language) })}
      {why && (
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {t('fatal.detail', { message: why })}
        </Typography>
      )}
    </Alert>
  );
}
