// The file, the detector settings and Start; while running, the progress bar and Cancel.
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { memo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DetectorSettings as DetectorSettingsSchema } from '../../api/contract/detection';
import { DEFAULT_DETECTOR_SETTINGS, type DetectorSettings } from '../../engine/detection/settings';
import { DetectorSettingsFields } from './detector-settings-fields';
import { FileErrorAlert } from './file-error-alert';
import { FilePicker } from './file-picker';
import { useFormatSniff } from './format-sniff';
import type { SniffState } from './format-sniff';
import { ImportProgress } from './import-progress';
import type { ImportRunState } from './use-activity-import';

export interface ImportSetupFormProps {
  run: ImportRunState;
  onStart: (file: File, settings: DetectorSettings) => void;
  /** Set when the shown result was read in this session: detect again without reading the file. */
  onRedetect: ((settings: DetectorSettings) => void) | null;
  onCancel: () => void;
}

export function ImportSetupForm({ run, onStart, onRedetect, onCancel }: ImportSetupFormProps) {
  const { t } = useTranslation('activityImport');
  const [file, setFile] = useState<File | null>(null);
  const sniff = useFormatSniff(file);
  const running = run.status === 'running';
  const form = useForm<DetectorSettings>({ resolver: zodResolver(DetectorSettingsSchema), defaultValues: DEFAULT_DETECTOR_SETTINGS, mode: 'onChange' });
  const invalid = Object.keys(form.formState.errors).length > 0;

  // Not handleSubmit: its submit-state updates re-render every field at the moment the import
  // starts. The fields validate as they change (mode onChange); Start checks the values once more.
  const checkedSettings = (): DetectorSettings | null => {
    const settings = DetectorSettingsSchema.safeParse(form.getValues());
    if (settings.success) return settings.data;
    void form.trigger();
    return null;
  };
  const start = () => {
    const settings = checkedSettings();
    if (settings && file && sniff.status === 'recognised') onStart(file, settings);
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
      aria-label={t('picker.title')}
    >
      <SetupFields
        running={running}
        file={file}
        onFile={setFile}
        sniff={sniff}
        control={form.control}
        invalid={invalid}
        onReset={() => form.reset(DEFAULT_DETECTOR_SETTINGS)}
      />

      <Box sx={{ mb: 2 }}>
        {running ? (
          <ImportProgress progress={run.progress} onCancel={onCancel} />
        ) : (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained" size="large" disabled={sniff.status !== 'recognised' || invalid}>
              {t('run.start')}
            </Button>
            {onRedetect && (
              <Button
                variant="outlined"
                size="large"
                disabled={invalid}
                onClick={() => {
                  const settings = checkedSettings();
                  if (settings) onRedetect(settings);
                }}
              >
                {t('run.redetect')}
              </Button>
            )}
          </Box>
        )}
        {run.status === 'cancelled' && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {t('run.cancelled')}
          </Alert>
        )}
        {run.status === 'failed' && (
          <Box sx={{ mt: 1 }}>
            <FileErrorAlert code={run.code} message={run.message} />
          </Box>
        )}
      </Box>
    </Box>
  );
}

/**
 * The file and the settings. Memoised: while an import runs the form re-renders with every
 * progress report (ten a second), and none of this changes then.
 */
const SetupFields = memo(
  function SetupFields({
    running,
    file,
    onFile,
    sniff,
    control,
    invalid,
    onReset,
  }: {
    running: boolean;
    file: File | null;
    onFile: (file: File) => void;
    sniff: SniffState;
    control: Control<DetectorSettings>;
    invalid: boolean;
    onReset: () => void;
  }) {
    const { t } = useTranslation('activityImport');
    return (
      // A native disabled fieldset locks every control inside while the import runs, without
      // re-rendering fifty MUI fields at the moment it starts (one style change instead).
      <Box component="fieldset" disabled={running} sx={{ border: 0, m: 0, p: 0, minWidth: 0, opacity: running ? 0.6 : 1 }}>
        <Paper component="section" aria-labelledby="import-file-heading" sx={{ p: 2, mb: 2 }}>
          <Typography id="import-file-heading" variant="h5" component="h2" sx={{ mb: 1 }}>
            {t('file.heading')}
          </Typography>
          <FilePicker file={file} onFile={onFile} />
          <Box aria-live="polite" sx={{ mt: 1 }}>
            {sniff.status === 'sniffing' && <Typography variant="body2">{t('file.sniffing')}</Typography>}
            {sniff.status === 'recognised' && (
              <Typography data-testid="detected-format">{t('file.detected', { format: t(`file.format.${sniff.format}`) })}</Typography>
            )}
          </Box>
          {sniff.status === 'rejected' && <FileErrorAlert code={sniff.fatal.code} message={sniff.fatal.message} detail={sniff.fatal.detail} />}
        </Paper>

        <Paper component="section" aria-labelledby="import-settings-heading" sx={{ p: 2, mb: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
            <Typography id="import-settings-heading" variant="h5" component="h2" sx={{ flexGrow: 1 }}>
              {t('settings.heading')}
            </Typography>
            <Button size="small" onClick={onReset} disabled={running}>
              {t('settings.reset')}
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('settings.intro')}
          </Typography>
          <DetectorSettingsFields control={control} />
          {invalid && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {t('settings.invalid')}
            </Alert>
          )}
        </Paper>
      </Box>
    );
  },
  // onReset is a new function every render; it only calls form.reset, so it never matters which.
  (a, b) => a.running === b.running && a.file === b.file && a.onFile === b.onFile && a.sniff === b.sniff && a.control === b.control && a.invalid === b.invalid,
);
