// A file-level failure (empty, binary, too large, unknown format, missing columns, unreadable) as
// one clear message; the engine's own wording follows as a detail because it names columns and limits.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ParseFatalCode } from '../../engine/detection/parse-types';
import { IMPORT_LIMITS } from './format-sniff';
import { formatBytes } from './import-format';

export type FileErrorCode = ParseFatalCode | 'read-failed' | 'worker-failed';

export function FileErrorAlert({ code, message }: { code: FileErrorCode; message?: string | undefined }) {
  const { t, i18n } = useTranslation('activityImport');
  return (
    <Alert severity="error" role="alert" data-testid="import-file-error">
      <AlertTitle>{t('fatal.title')}</AlertTitle>
      {t(`fatal.${code}`, { size: formatBytes(IMPORT_LIMITS.maxBytes, i18n.language) })}
      {message && code !== 'file-too-large' && (
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {t('fatal.detail', { message })}
        </Typography>
      )}
    </Alert>
  );
}
