// One coordination signal on the board (R1-R2): technique, accounts, time window, strength, sources
// and evidence state, with edit / move / remove. Fixed height, and plain elements styled once by the
// lane (`signalCardStyles`), so thousands of cards scroll without per-card style work.
import DeleteIcon from '@mui/icons-material/Delete';
import DriveFileMoveIcon from '@mui/icons-material/DriveFileMove';
import EditIcon from '@mui/icons-material/Edit';
import TimelineIcon from '@mui/icons-material/Timeline';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Menu from '@mui/material/Menu';
import { useHarmLinks } from './harm-links';
import { useWorkspace } from './workspace-context';
import { Link as RouterLink } from 'react-router';
import MenuItem from '@mui/material/MenuItem';
import type { Theme } from '@mui/material/styles';
import { lazy, memo, Suspense, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationSignal } from '../../api/contract/case';
import { activitySummary } from '../../components/activity-timeline/activity-summary';
import { LANES, laneOf, techniqueFitsLane, type LaneId } from './board-model';
import { SafeLink, linkHost } from './safe-link';
import { formatWindow } from './signal-format';

/**
 * Room for every row at its tallest: a two-line title, the pills, two lines of account handles, the
 * window, and the sources beside the actions. (At 176 px a two-line title pushed the actions out of
 * the card, and the handles shrank to "@meridi…" on a 390 px screen: issue 15 §7.)
 */
export const CARD_HEIGHT = 200;
export const SIGNAL_DRAG_TYPE = 'application/x-cha-signal';
const SHOWN_ACCOUNTS = 3;

/** Issue 16 §1: the signal's activity timeline, loaded when first opened, so the board stays light. */
const SignalActivityDialog = lazy(() => import('../../components/activity-timeline/signal-activity').then((m) => ({ default: m.SignalActivityDialog })));

/** The card's CSS, applied once by the lane around all its cards. */
export function signalCardStyles(theme: Theme) {
  const pill = {
    ...theme.typography.caption,
    display: 'inline-block',
    maxWidth: 140,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    lineHeight: '20px',
    padding: '0 8px',
    borderRadius: 10,
    border: `1px solid ${theme.palette.divider}`,
    color: theme.palette.text.primary,
  } as const;
  return {
    '& .cha-card': {
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.5),
      padding: theme.spacing(1),
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      backgroundColor: theme.palette.background.paper,
      overflow: 'hidden',
    },
    '& .cha-card[draggable="true"]': { cursor: 'grab' },
    '& .cha-card__row': { display: 'flex', gap: theme.spacing(0.5), alignItems: 'flex-start', minWidth: 0, listStyle: 'none', margin: 0, padding: 0, overflow: 'hidden' },
    '& .cha-card__title': {
      ...theme.typography.subtitle2,
      margin: 0,
      flexGrow: 1,
      display: '-webkit-box',
      WebkitLineClamp: 2,
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
    },
    '& .cha-card__line': { ...theme.typography.caption, margin: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
    '& .cha-card__muted': { color: theme.palette.text.secondary },
    '& .cha-card__line a': { color: theme.palette.primary.main },
    // Handles are read whole: they wrap onto a second line instead of shrinking to an ellipsis (one
    // longer than the card, the rare exception, still ends in one, with the handle in its title).
    '& .cha-card__accounts': { flexWrap: 'wrap', rowGap: theme.spacing(0.5), maxHeight: 48, alignContent: 'flex-start' },
    '& .cha-card__accounts .cha-pill': { flexShrink: 0, maxWidth: '100%', boxSizing: 'border-box' },
    '& .cha-card__footer': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), marginTop: 'auto', minWidth: 0 },
    '& .cha-card__footer .cha-card__line': { flex: '1 1 auto', minWidth: 0 },
    '& .cha-card__actions': { display: 'flex', flexShrink: 0 },
    '& .cha-pill': pill,
    '& .cha-pill--sufficient': { backgroundColor: theme.palette.success.main, color: theme.palette.success.contrastText, borderColor: theme.palette.success.main },
    '& .cha-pill--corroborated': { backgroundColor: theme.palette.info.main, color: theme.palette.info.contrastText, borderColor: theme.palette.info.main },
    '& .cha-pill--unverified': { backgroundColor: theme.palette.action.selected },
    '& .cha-pill--flag': { borderColor: theme.palette.warning.main, borderWidth: 2, fontWeight: 700 },
  };
}

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
  const [activityOpen, setActivityOpen] = useState(false);
  const networkLink = useWorkspace().networkLinkForSignal(signal);
  const harmLinks = useHarmLinks(signal.id);
  const technique = t(`policy:technique.${signal.technique}`);
  const name = signal.accounts[0] ? `${technique} (@${signal.accounts[0]})` : technique;
  const window = formatWindow(signal.window, i18n.language);
  const titleId = `signal-${signal.id}-title`;
  const menuId = `signal-${signal.id}-move`;
  // A technique kept across a move to the other kind stays visible here until corrected (R1, the engine's test).
  const mismatch = techniqueFitsLane(signal.technique, laneOf(signal)) ? null : t('board.techniqueMismatch', { kind: t(`policy:signalKindShort.${signal.kind}`) });

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(SIGNAL_DRAG_TYPE, signal.id);
    event.dataTransfer.effectAllowed = 'move';
  };

  return (
    // Dragging is the pointer path between lanes; the "Move to…" menu below is the keyboard one.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <article className="cha-card" aria-labelledby={titleId} data-signal-id={signal.id} draggable={!readOnly} onDragStart={readOnly ? undefined : onDragStart}>
      <div className="cha-card__row">
        <h4 className="cha-card__title" id={titleId}>{technique}</h4>
        {signal.origin === 'detected' && <span className="cha-pill">{t('board.detected')}</span>}
        {networkLink && (
          <Link component={RouterLink} to={networkLink} variant="body2">
            {t('board.showInNetwork')}
          </Link>
        )}
      </div>
      <div className="cha-card__row">
        <span className={`cha-pill cha-pill--${signal.evidenceState}`}>{t(`policy:evidenceState.${signal.evidenceState}`)}</span>
        <span className="cha-pill">{t('board.strength', { strength: t(`policy:strength.${signal.strength}`) })}</span>
        {mismatch && <span className="cha-pill cha-pill--flag" title={mismatch}>{mismatch}</span>}
        {harmLinks.length > 0 && (
          <span className="cha-pill" title={t('board.ledToHarmTitle')}>
            {t('board.ledToHarm', { categories: harmLinks.map((link) => t(`policy:harmCategory.${link.category}`)).join(', ') })}
          </span>
        )}
      </div>
      <ul className="cha-card__row cha-card__accounts" aria-label={t('board.accountsOf', { count: signal.accounts.length })}>
        {signal.accounts.slice(0, SHOWN_ACCOUNTS).map((account) => (
          <li key={account} className="cha-pill" title={`@${account}`}>@{account}</li>
        ))}
        {signal.accounts.length > SHOWN_ACCOUNTS && (
          <li className="cha-pill">{t('board.moreAccounts', { count: signal.accounts.length - SHOWN_ACCOUNTS })}</li>
        )}
        {signal.accounts.length === 0 && <li className="cha-card__line cha-card__muted">{t('board.noAccounts')}</li>}
      </ul>
      <p className="cha-card__line cha-card__muted" title={window ?? undefined}>
        {window ? t('board.window', { window }) : t('board.noWindow')}
      </p>
      <div className="cha-card__footer">
        <p className="cha-card__line">
          {signal.sources[0] ? (
            <>
              {t('board.sources', { count: signal.sources.length })}{' '}
              <SafeLink href={signal.sources[0]} plain>{linkHost(signal.sources[0])}</SafeLink>
            </>
          ) : (
            t('board.noSources')
          )}
        </p>
        {signal.activity && (
          <ActivityButton signal={signal} name={name} open={activityOpen} onOpen={() => setActivityOpen(true)} onClose={() => setActivityOpen(false)} />
        )}
        {!readOnly && (
          <div className="cha-card__actions">
            <IconButton size="small" title={t('board.edit')} aria-label={t('board.editSignal', { name })} onClick={() => onEdit(signal.id)}>
              <EditIcon fontSize="small" />
            </IconButton>
            <IconButton
              size="small"
              data-move-button
              title={t('board.moveTo')}
              aria-label={t('board.moveSignal', { name })}
              aria-haspopup="menu"
              aria-controls={menuAnchor ? menuId : undefined}
              aria-expanded={menuAnchor ? true : undefined}
              onClick={(event) => setMenuAnchor(event.currentTarget)}
            >
              <DriveFileMoveIcon fontSize="small" />
            </IconButton>
            <IconButton size="small" title={t('board.remove')} aria-label={t('board.removeSignal', { name })} onClick={() => onRemove(signal.id)}>
              <DeleteIcon fontSize="small" />
            </IconButton>
            {menuAnchor && (
              <Menu id={menuId} anchorEl={menuAnchor} open onClose={() => setMenuAnchor(null)}>
                {LANES.filter((lane) => lane.id !== laneOf(signal)).map((lane) => (
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
            )}
          </div>
        )}
      </div>
    </article>
  );
});

/**
 * Issue 16 §1: the activity the signal keeps as evidence (R1-R2), behind a button: the card has a
 * fixed height, so the timeline opens in a dialog; visible to everyone who sees the board.
 */
function ActivityButton({ signal, name, open, onOpen, onClose }: { signal: CoordinationSignal; name: string; open: boolean; onOpen: () => void; onClose: () => void }) {
  const { t } = useTranslation('workspace');
  if (!signal.activity) return null;
  const summary = activitySummary(signal.activity);
  return (
    <>
      <IconButton
        size="small"
        title={t('board.activity', { count: summary.accounts, posts: summary.posts })}
        aria-label={t('board.showActivity', { name })}
        aria-haspopup="dialog"
        onClick={onOpen}
      >
        <TimelineIcon fontSize="small" />
      </IconButton>
      {open && (
        <Suspense fallback={null}>
          <SignalActivityDialog activity={signal.activity} name={name} onClose={onClose} />
        </Suspense>
      )}
    </>
  );
}
