// The detectors' switches and windows, with every other threshold behind "Advanced thresholds".
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { Controller, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DetectorSettings } from '../../engine/detection/settings';
import { SETTINGS_SECTIONS, helpFieldOf, stepOf, type NumericField, type SettingsSection } from './detector-settings-table';

/** Memoised: progress ticks re-render the form around it, not these fifty fields (the form's fieldset locks them). */
export const DetectorSettingsFields = memo(function DetectorSettingsFields({ control }: { control: Control<DetectorSettings> }) {
  const { t } = useTranslation('activityImport');
  return (
    <Box>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        {SETTINGS_SECTIONS.map((section) => (
          <Box component="li" key={section.group} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <SectionSwitch control={control} section={section} />
            {section.basic.map((field) => (
              <NumberField key={field} control={control} section={section} field={field} />
            ))}
          </Box>
        ))}
      </Box>
      <Accordion disableGutters elevation={0} slotProps={{ transition: { unmountOnExit: true } }} sx={{ mt: 1, border: 1, borderColor: 'divider', '&::before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="import-advanced-settings" id="import-advanced-settings-header">
          <Typography>{t('settings.advanced')}</Typography>
        </AccordionSummary>
        <AccordionDetails id="import-advanced-settings">
          {SETTINGS_SECTIONS.filter((section) => section.advanced.length > 0).map((section) => (
            <Box component="fieldset" key={section.group} sx={{ border: 0, m: 0, p: 0, mb: 2 }}>
              <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
                {sectionTitle(section, t)}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                {section.advanced.map((field) => (
                  <NumberField key={field} control={control} section={section} field={field} />
                ))}
              </Box>
            </Box>
          ))}
        </AccordionDetails>
      </Accordion>
    </Box>
  );
});

type Translate = ReturnType<typeof useTranslation<'activityImport'>>['t'];

function sectionTitle(section: SettingsSection, t: Translate): string {
  return section.detector ? t(`detector.${section.detector}`) : t('settings.group.clustering');
}

function SectionSwitch({ control, section }: { control: Control<DetectorSettings>; section: SettingsSection }) {
  const { t } = useTranslation('activityImport');
  if (section.group === 'clustering') {
    return <Typography sx={{ width: 230 }}>{t('settings.group.clustering')}</Typography>;
  }
  const name = `${section.group}.enabled` as FieldPath<DetectorSettings>;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          sx={{ width: 230, mr: 0 }}
          control={<Switch checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} />}
          label={sectionTitle(section, t)}
        />
      )}
    />
  );
}

function NumberField({
  control,
  section,
  field: fieldName,
}: {
  control: Control<DetectorSettings>;
  section: SettingsSection;
  field: NumericField;
}) {
  const { t } = useTranslation(['activityImport', 'common']);
  const name = `${section.group}.${fieldName}` as FieldPath<DetectorSettings>;
  // A disabled detector's thresholds do not matter; greying them out says so.
  const enabled = useWatch({ control, name: `${section.group}.enabled` as FieldPath<DetectorSettings> }) !== false;
  const id = `import-setting-${section.group}-${fieldName}`;
  // Help under the field (MUI links it with aria-describedby); an error replaces it.
  const helpField = helpFieldOf(section, fieldName);
  const help = helpField === null ? undefined : t(`settings.help.dogpiling.${helpField}`);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextField
          id={id}
          size="small"
          type="number"
          label={t(`settings.field.${fieldName}`)}
          // The same label appears under several detectors: the accessible name says which one.
          slotProps={{
            htmlInput: { step: stepOf(fieldName), min: 0, 'aria-label': `${t(`settings.field.${fieldName}`)}, ${sectionTitle(section, t)}` },
          }}
          value={typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : ''}
          onChange={(event) => field.onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
          onBlur={field.onBlur}
          inputRef={field.ref}
          disabled={!enabled}
          error={fieldState.invalid}
          helperText={fieldState.invalid ? t('common:field.invalid') : help}
          sx={{ width: 230 }}
        />
      )}
    />
  );
}
