// The designation panel slot: rendered by the app (features never import each other) with the live
// form values, beside the tabs on wide screens and in a drawer on narrow ones.
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseContent, CaseDocument } from '../../api/contract/case';
import { fromCaseFormValues, type CaseFormValues } from './case-content';

export interface DesignationPanelArgs {
  /** The form's current values, on every change. */
  content: CaseContent;
  caseDocument: CaseDocument;
  /** Switches to the tab holding `path` (a CaseContent dot path) and focuses its field. */
  focusField: (path: string) => void;
}

export type RenderDesignationPanel = (args: DesignationPanelArgs) => ReactNode;

function LivePanelContent({ render, caseDocument, focusField }: { render: RenderDesignationPanel; caseDocument: CaseDocument; focusField: (path: string) => void }) {
  const { getValues, subscribe } = useFormContext<CaseFormValues>();
  const [content, setContent] = useState<CaseContent>(() => fromCaseFormValues(getValues()));
  useEffect(() => subscribe({ formState: { values: true }, callback: ({ values }) => setContent(fromCaseFormValues(values)) }), [subscribe]);
  // Rendered with the keystroke, not deferred: the engine takes well under a millisecond and the
  // verdict view re-renders only when the verdict changes, so the panel keeps up within a frame.
  return <>{render({ content, caseDocument, focusField })}</>;
}

/** Beside the tabs: a plain sticky column (the panel brings its own landmark and heading). */
export function DesignationPanelAside(props: { render: RenderDesignationPanel; caseDocument: CaseDocument; focusField: (path: string) => void }) {
  return (
    <Box
      sx={{ position: 'sticky', top: 88, alignSelf: 'start', maxHeight: 'calc(100vh - 104px)', overflowY: 'auto' }}
    >
      <LivePanelContent {...props} />
    </Box>
  );
}

export function DesignationPanelDrawer({ open, onClose, ...props }: { open: boolean; onClose: () => void; render: RenderDesignationPanel; caseDocument: CaseDocument; focusField: (path: string) => void }) {
  const { t } = useTranslation(['workspace', 'common']);
  return (
    <Drawer anchor="right" open={open} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 420 }, p: 2 }, 'aria-label': t('panel.label') } }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">{t('panel.label')}</Typography>
        <IconButton onClick={onClose} aria-label={t('common:actions.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {open && <LivePanelContent {...props} />}
    </Drawer>
  );
}
