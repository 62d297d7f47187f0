// Choosing the activity file: a button (keyboard) and a drop zone (mouse), one hidden file input.
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { memo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './import-format';
import { IMPORT_LIMITS } from './format-sniff';

/** Inside the import form's fieldset, which disables it while an import runs. */
export const FilePicker = memo(function FilePicker({ file, onFile }: { file: File | null; onFile: (file: File) => void }) {
  const { t, i18n } = useTranslation('activityImport');
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    // A drop on a locked form (import running) is ignored, as the disabled fieldset ignores clicks.
    if (dropped && !event.currentTarget.closest('fieldset:disabled')) onFile(dropped);
  };

  return (
    <Box
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      sx={{
        border: 2, borderStyle: 'dashed', borderRadius: 1, p: 2, textAlign: 'center',
        borderColor: dragging ? 'primary.main' : 'divider', bgcolor: dragging ? 'action.hover' : 'transparent',
      }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'center', flexWrap: 'wrap' }}>
        <Typography>{t('file.drop')}</Typography>
        <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
          {t('file.choose')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label={t('file.inputLabel')}
          data-testid="activity-file-input"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) onFile(chosen);
            // Choosing the same file again after an edit must fire onChange again.
            event.target.value = '';
          }}
        />
      </Box>
      {file && (
        <Typography sx={{ mt: 1, fontWeight: 500, wordBreak: 'break-all' }}>
          {t('file.selected', { name: file.name, size: formatBytes(file.size, i18n.language) })}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('file.formats')}{' '}
        {t('file.limits', {
          size: formatBytes(IMPORT_LIMITS.maxBytes, i18n.language),
          rows: IMPORT_LIMITS.maxRows.toLocaleString(i18n.language),
        })}
      </Typography>
    </Box>
  );
});
