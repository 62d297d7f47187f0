// The running import: one determinate bar (reading is most of the work, detection the rest), what
// is happening in words, and Cancel.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DetectionPhase } from '../../engine/detection/detect-coordination';
import { formatBytes, formatNumber } from './import-format';

export type RunProgress =
  | { stage: 'reading'; bytes: number; totalBytes: number; rows: number; skipped: number }
  | { stage: 'detecting'; phase: DetectionPhase; done: number; total: number }
  | { stage: 'finishing' };

/** Share of the bar given to reading the file; detection fills the rest. */
const READING_SHARE = 70;

export function progressPercent(progress: RunProgress): number {
  switch (progress.stage) {
    case 'reading':
      return progress.totalBytes > 0 ? Math.min(READING_SHARE, (progress.bytes / progress.totalBytes) * READING_SHARE) : 0;
    case 'detecting':
      return READING_SHARE + ((100 - READING_SHARE) * progress.done) / Math.max(1, progress.total);
    case 'finishing':
      return 100;
  }
}

export function ImportProgress({ progress, onCancel }: { progress: RunProgress; onCancel: () => void }) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const percent = Math.round(progressPercent(progress));
  const text = describe();

  function describe(): string {
    switch (progress.stage) {
      case 'reading':
        return t('run.reading', {
          bytes: formatBytes(progress.bytes, language),
          total: formatBytes(progress.totalBytes, language),
          rows: formatNumber(progress.rows, language),
          skipped: formatNumber(progress.skipped, language),
        });
      case 'detecting': {
        const phase = progress.phase === 'prepare' || progress.phase === 'clustering'
          ? t(`run.phase.${progress.phase}`)
          : t(`detector.${progress.phase}`);
        return t('run.detecting', { phase, step: progress.done + 1, total: progress.total });
      }
      case 'finishing':
        return t('run.finishing');
    }
  }

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Box sx={{ flexGrow: 1 }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          aria-label={t('run.progressLabel')}
          aria-valuetext={`${percent} % · ${text}`}
          sx={{ height: 8, borderRadius: 1 }}
        />
        <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="import-progress-text">
          {text}
        </Typography>
      </Box>
      <Button variant="outlined" color="inherit" onClick={onCancel}>
        {t('run.cancel')}
      </Button>
    </Box>
  );
}
