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
import { LiveVerdictContext, type LiveVerdictStore } from '../../components/verdict/live-verdict';
import { fromCaseFormValues, type CaseFormValues } from './case-content';

export interface DesignationPanelArgs {
  /** The form's current values, on every change. */
  content: CaseContent;
  caseDocument: CaseDocument;
  /** Switches to the tab holding `path` (a CaseContent dot path) and focuses its field. */
  focusField: (path: string) => void;
}

export type RenderDesignationPanel = (args: DesignationPanelArgs) => ReactNode;

interface LivePanelProps {
  render: RenderDesignationPanel;
  caseDocument: CaseDocument;
  focusField: (path: string) => void;
  /** Where the panel publishes its verdict for the page (the bottom bar on small screens). */
  liveVerdict: LiveVerdictStore;
}

function LivePanelContent({ render, caseDocument, focusField, liveVerdict }: LivePanelProps) {
  const { getValues, subscribe } = useFormContext<CaseFormValues>();
  const [content, setContent] = useState<CaseContent>(() => fromCaseFormValues(getValues()));
  useEffect(() => subscribe({ formState: { values: true }, callback: ({ values }) => setContent(fromCaseFormValues(values)) }), [subscribe]);
  // Rendered with the keystroke, not deferred: the engine takes well under a millisecond and the
  // verdict view re-renders only when the verdict changes, so the panel keeps up within a frame.
  return <LiveVerdictContext.Provider value={liveVerdict}>{render({ content, caseDocument, focusField })}</LiveVerdictContext.Provider>;
}

/** Beside the tabs: a plain sticky column (the panel brings its own landmark and heading). */
export function DesignationPanelAside(props: LivePanelProps) {
  return (
    <Box
      sx={{ position: 'sticky', top: 88, alignSelf: 'start', maxHeight: 'calc(100vh - 104px)', overflowY: 'auto' }}
    >
      <LivePanelContent {...props} />
    </Box>
  );
}

/**
 * The panel in a drawer from the right. `keepMounted`: the panel stays rendered while the drawer is shut
 * (hidden from everyone), so what sums up its verdict meanwhile (the bottom bar) has one to show.
 */
export function DesignationPanelDrawer({ open, onClose, keepMounted = false, ...props }: { open: boolean; onClose: () => void; keepMounted?: boolean } & LivePanelProps) {
  const { t } = useTranslation(['workspace', 'common']);
  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={onClose}
      keepMounted={keepMounted}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 420 }, p: 2 }, role: 'dialog', 'aria-modal': true, 'aria-label': t('panel.label') } }}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">{t('panel.label')}</Typography>
        <IconButton onClick={onClose} aria-label={t('common:actions.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      {(open || keepMounted) && <LivePanelContent {...props} />}
    </Drawer>
  );
}
