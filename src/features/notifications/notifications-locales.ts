// Strings of the notifications bell (issue 12 §8).
import type { LocaleShape } from '../../i18n/locale-shape';

export const en = {
  button_zero: 'Notifications, none unread',
  button_one: 'Notifications, {{count}} unread',
  button_other: 'Notifications, {{count}} unread',
  title: 'Notifications',
  empty: 'Nothing needs you right now.',
  unread: 'Unread',
  markAllRead: 'Mark all as read',
  kind: {
    returned: '“{{name}}” was returned to you',
    assigned: '“{{name}}” waits for your review',
    due: '“{{name}}” is due for its periodic review (R17)',
    mentioned: '{{name}} mentioned you: “{{excerpt}}”',
    manipulation: '“{{name}}”: platform-manipulation enforcement waits for a reviewer’s decision (R3)',
  },
};

export const nl: LocaleShape<typeof en> = {
  button_zero: 'Meldingen, geen ongelezen',
  button_one: 'Meldingen, {{count}} ongelezen',
  button_other: 'Meldingen, {{count}} ongelezen',
  title: 'Meldingen',
  empty: 'Er wacht nu niets op u.',
  unread: 'Ongelezen',
  markAllRead: 'Alles als gelezen markeren',
  kind: {
    returned: '“{{name}}” is naar u teruggestuurd',
    assigned: '“{{name}}” wacht op uw beoordeling',
    due: '“{{name}}” is toe aan de periodieke herbeoordeling (R17)',
    mentioned: '{{name}} noemde u: “{{excerpt}}”',
    manipulation: '“{{name}}”: handhaving wegens platformmanipulatie wacht op het besluit van een beoordelaar (R3)',
  },
};

export const tr: LocaleShape<typeof en> = {
  button_zero: 'Bildirimler, okunmamış yok',
  button_one: 'Bildirimler, {{count}} okunmamış',
  button_other: 'Bildirimler, {{count}} okunmamış',
  title: 'Bildirimler',
  empty: 'Şu anda sizi bekleyen bir şey yok.',
  unread: 'Okunmadı',
  markAllRead: 'Tümünü okundu olarak işaretle',
  kind: {
    returned: '“{{name}}” size geri gönderildi',
    assigned: '“{{name}}” incelemenizi bekliyor',
    due: '“{{name}}” dönemsel incelemesinin zamanı geldi (R17)',
    mentioned: '{{name}} sizi andı: “{{excerpt}}”',
    manipulation: '“{{name}}”: platform manipülasyonu yaptırımı bir inceleyicinin kararını bekliyor (R3)',
  },
};
