// One coordination signal on the board (R1-R2): technique, accounts, time window, strength, sources
// and evidence state, with edit / move / remove. Fixed height, so 10,000 cards virtualise cheaply.
import DeleteIcon from '@mui/icons-material/Delete';
import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import type { EvidenceState } from '../../engine/policy-terms';
import { LANES, laneOf, type LaneId } from './board-model';
import { SafeLink, linkHost } from './safe-link';
import { formatWindow } from './signal-format';

export const CARD_HEIGHT = 176;
export const SIGNAL_DRAG_TYPE = 'application/x-cha-signal';
const SHOWN_ACCOUNTS = 3;

const STATE_COLOR = { unverified: 'default', corroborated: 'info', sufficient: 'success' } as const satisfies Record<EvidenceState, string>;

export interface SignalCardProps {
  signal: CoordinationSignal;
  readOnly: boolean;
  onEdit: (signalId: string) => void;
  onRemove: (signalId: string) => void;
  onMove: (signalId: string, lane: LaneId) => void;
}

export const SignalCard = memo(function SignalCard({ signal, readOnly, onEdit, onRemove, onMove }: SignalCardProps) {
  const { t, i18n } = useTranslation(['workspace', 'policy']);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const technique = t(`policy:technique.${signal.technique}`);
  const name = signal.accounts[0] ? `${technique} (@${signal.accounts[0]})` : technique;
  const window = formatWindow(signal.window, i18n.language);
  const titleId = `signal-${signal.id}-title`;
  const menuId = `signal-${signal.id}-move`;
  const current = laneOf(signal);

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(SIGNAL_DRAG_TYPE, signal.id);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    <Box
      component="article"
      aria-labelledby={titleId}
      data-signal-id={signal.id}
      draggable={!readOnly}
      onDragStart={readOnly ? undefined : onDragStart}
      sx={{
        height: CARD_HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: 0.5,
        p: 1, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper',
        cursor: readOnly ? 'default' : 'grab', overflow: 'hidden',
      }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Typography
          id={titleId}
          variant="subtitle2"
          component="h4"
          sx={{ flexGrow: 1, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
        >
          {technique}
        </Typography>
        {signal.origin === 'detected' && <Chip size="small" variant="outlined" label={t('board.detected')} />}
      </Stack>
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'nowrap' }}>
        <Chip size="small" color={STATE_COLOR[signal.evidenceState]} label={t(`policy:evidenceState.${signal.evidenceState}`)} />
        <Chip size="small" variant="outlined" label={t('board.strength', { strength: t(`policy:strength.${signal.strength}`) })} />
      </Stack>
      <Box component="ul" aria-label={t('board.accountsOf', { count: signal.accounts.length })} sx={{ display: 'flex', gap: 0.5, listStyle: 'none', m: 0, p: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}>
        {signal.accounts.slice(0, SHOWN_ACCOUNTS).map((account) => (
          <li key={account}>
            <Chip size="small" variant="outlined" label={`@${account}`} sx={{ maxWidth: 120 }} />
          </li>
        ))}
        {signal.accounts.length > SHOWN_ACCOUNTS && (
          <li>
            <Chip size="small" label={t('board.moreAccounts', { count: signal.accounts.length - SHOWN_ACCOUNTS })} />
          </li>
        )}
        {signal.accounts.length === 0 && (
          <li>
            <Typography variant="caption" color="text.secondary">{t('board.noAccounts')}</Typography>
          </li>
        )}
      </Box>
      <Typography variant="caption" color="text.secondary" noWrap title={window ?? undefined}>
        {window ? t('board.window', { window }) : t('board.noWindow')}
      </Typography>
      <Typography variant="caption" noWrap>
        {signal.sources[0] ? (
          <>
            {t('board.sources', { count: signal.sources.length })}{' '}
            <SafeLink href={signal.sources[0]}>{linkHost(signal.sources[0])}</SafeLink>
          </>
        ) : (
          t('board.noSources')
        )}
      </Typography>
      {!readOnly && (
        <Stack direction="row" sx={{ mt: 'auto', justifyContent: 'flex-end' }}>
          <Tooltip title={t('board.edit')}>
            <IconButton size="small" aria-label={t('board.editSignal', { name })} onClick={() => onEdit(signal.id)}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={t('board.moveTo')}>
            <IconButton
              size="small"
              data-move-button
              aria-label={t('board.moveSignal', { name })}
              aria-haspopup="menu"
              aria-controls={menuAnchor ? menuId : undefined}
              aria-expanded={menuAnchor ? true : undefined}
              onClick={(event) => setMenuAnchor(event.currentTarget)}
            >
              <DriveFileMoveIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={t('board.remove')}>
            <IconButton size="small" aria-label={t('board.removeSignal', { name })} onClick={() => onRemove(signal.id)}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Menu id={menuId} anchorEl={menuAnchor} open={!!menuAnchor} onClose={() => setMenuAnchor(null)}>
            {LANES.filter((lane) => lane.id !== current).map((lane) => (
              <MenuItem
                key={lane.id}
                onClick={() => {
                  setMenuAnchor(null);
                  onMove(signal.id, lane.id);
                }}
              >
                {t('board.moveToLane', { kind: t(`policy:signalKindShort.${lane.kind}`), observed: t(`policy:observed.${lane.observed}`) })}
              </MenuItem>
            ))}
          </Menu>
        </Stack>
      )}
    </Box>
  );
});
