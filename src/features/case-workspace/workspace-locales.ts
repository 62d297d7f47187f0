// Strings of the case page and its tabs.
import type { LocaleShape } from '../../i18n/locale-shape';

export const en = {
  tabs: { label: 'Case sections', overview: 'Overview', harm: 'Harm', evidence: 'Evidence board', accounts: 'Accounts' },
} as const;

export const nl: LocaleShape<typeof en> = {
  tabs: { label: 'Onderdelen van de zaak', overview: 'Overzicht', harm: 'Schade', evidence: 'Bewijsbord', accounts: 'Accounts' },
};

export const tr: LocaleShape<typeof en> = {
  tabs: { label: 'Vaka bölümleri', overview: 'Genel bakış', harm: 'Zarar', evidence: 'Kanıt panosu', accounts: 'Hesaplar' },
};
