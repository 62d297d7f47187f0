// The network's legend and its filters in one: a checkbox per detector shows that detector's line
// (colour and dash pattern, so colour is never the only cue) and hides or shows its links; a slider
// sets the minimum link score.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Slider from '@mui/material/Slider';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetectorName } from '../../engine/detection/settings';
import { formatNumber, formatScore } from './import-format';
import { SCORE_STEP, type NetworkFilter } from './network-filter';
import { DETECTOR_STYLES, type NetworkGraph } from './network-model';

export interface NetworkFiltersProps {
  graph: NetworkGraph;
  filter: NetworkFilter;
  onChange: (filter: NetworkFilter) => void;
}

/** A short sample of a detector's line, as the canvas draws it. */
export function DetectorSwatch({ detector }: { detector: DetectorName }) {
  const { color, dash } = DETECTOR_STYLES[detector];
  return (
    <Box component="svg" width={36} height={10} viewBox="0 0 36 10" aria-hidden="true" focusable="false" sx={{ flex: 'none', mr: 1 }}>
      <line x1={1} y1={5} x2={35} y2={5} stroke={color} strokeWidth={3} strokeDasharray={dash.length > 0 ? dash.join(' ') : undefined} />
    </Box>
  );
}

export function NetworkFilters({ graph, filter, onChange }: NetworkFiltersProps) {
  const { t, i18n } = useTranslation('activityImport');
  const language = i18n.language;
  const sliderLabel = useId();
  // The slider's position while it is dragged; the filter changes when it is let go.
  const [draft, setDraft] = useState<number | null>(null);
  const counts = new Map<DetectorName, number>();
  for (const edge of graph.edges) for (const link of edge.links) counts.set(link.detector, (counts.get(link.detector) ?? 0) + 1);
  const shown = new Set(filter.detectors);
  const unfiltered = filter.minScore <= 0 && graph.detectors.every((d) => shown.has(d));
  const toggle = (detector: DetectorName, on: boolean) =>
    onChange({ ...filter, detectors: graph.detectors.filter((d) => (d === detector ? on : shown.has(d))) });
  const score = draft ?? filter.minScore;

  return (
    <Box component="section" aria-labelledby="import-network-legend-heading" sx={{ my: 1 }}>
      <Typography id="import-network-legend-heading" variant="subtitle2" component="h4">
        {t('network.legendHeading')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('network.legendNodes')} {t('network.legendLines')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, alignItems: 'flex-start', mt: 1 }}>
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
          <Typography component="legend" variant="body2" sx={{ fontWeight: 600 }}>
            {t('network.detectorsLegend')}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            {graph.detectors.map((detector) => (
              <FormControlLabel
                key={detector}
                control={<Checkbox size="small" checked={shown.has(detector)} onChange={(event) => toggle(detector, event.target.checked)} />}
                label={
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                    <DetectorSwatch detector={detector} />
                    {t('network.detectorOption', { detector: t(`detector.${detector}`), links: formatNumber(counts.get(detector) ?? 0, language) })}
                  </Box>
                }
              />
            ))}
          </Box>
        </Box>
        <Box sx={{ width: { xs: '100%', sm: 340 }, px: 1 }}>
          <Typography id={sliderLabel} variant="body2" sx={{ fontWeight: 600 }}>
            {t('network.minScore')}: {t('network.minScoreValue', { score: formatScore(score, language) })}
          </Typography>
          <Slider
            size="small"
            min={0}
            max={1}
            step={SCORE_STEP}
            value={score}
            aria-labelledby={sliderLabel}
            getAriaValueText={(value) => t('network.minScoreValue', { score: formatScore(value, language) })}
            onChange={(_, value) => setDraft(value)}
            onChangeCommitted={(_, value) => {
              setDraft(null);
              onChange({ ...filter, minScore: value });
            }}
          />
        </Box>
        {!unfiltered && (
          <Button size="small" onClick={() => onChange({ detectors: graph.detectors, minScore: 0 })} sx={{ alignSelf: 'center' }}>
            {t('network.resetFilters')}
          </Button>
        )}
      </Box>
    </Box>
  );
}
