// Strings of the field-by-field change list (audit trail, "what changed since the last review").
import type { LocaleShape } from '../i18n/locale-shape';

export const en = {
  empty: '(empty)',
  yes: 'Yes',
  no: 'No',
  changedTo: 'changed to',
  added: 'added',
  removed: 'removed',
  listLabel: 'Changed fields',
  more: 'Show {{count}} more',
  less: 'Show fewer',
} as const;

export const nl: LocaleShape<typeof en> = {
  empty: '(leeg)',
  yes: 'Ja',
  no: 'Nee',
  changedTo: 'gewijzigd in',
  added: 'toegevoegd',
  removed: 'verwijderd',
  listLabel: 'Gewijzigde velden',
  more: 'Nog {{count}} tonen',
  less: 'Minder tonen',
};

export const tr: LocaleShape<typeof en> = {
  empty: '(boş)',
  yes: 'Evet',
  no: 'Hayır',
  changedTo: 'şuna değişti:',
  added: 'eklendi',
  removed: 'kaldırıldı',
  listLabel: 'Değişen alanlar',
  more: '{{count}} tane daha göster',
  less: 'Daha az göster',
};
