// Strings of live updates (issue 12 §7): what someone else just did on the case you have open, and who
// else has it open.
import type { LocaleShape } from '../../i18n/locale-shape';

export const en = {
  change: {
    'case.created': '{{name}} created this case',
    'case.updated': '{{name}} saved changes to this case',
    'case.commented': '{{name}} commented',
    'case.assigned': '{{name}} changed who works on this case',
    'case.request-addressed': '{{name}} ticked off a request',
    'case.request-reopened': '{{name}} reopened a request',
    'case.submitted': '{{name}} submitted this case for review',
    'case.approved': '{{name}} approved the designation (R18)',
    'case.returned': '{{name}} returned this case',
    'case.rejected': '{{name}} rejected the designation',
    'case.override': '{{name}} approved with an override of the verdict (R8)',
    'case.review-maintained': '{{name}} kept the designation in force at its periodic review (R17)',
    'case.review-modify': '{{name}} changed the designation at its periodic review (R17)',
    'case.withdrawn': '{{name}} withdrew the designation',
    'account.associated': '{{name}} confirmed an associated account (R16)',
    'account.rejected': '{{name}} rejected a suggested account (R16)',
    'action.applied': '{{name}} applied an enforcement action (R15)',
    'action.reapplied': '{{name}} re-applied an enforcement action (R15)',
    'action.ended': '{{name}} ended an enforcement action (R15)',
  },
  /** After a change: what the page did with it. */
  shown: 'The page shows it now.',
  keptYours: 'The page shows it now; an edit of yours not yet saved is kept, and where it meets theirs you choose what stays.',
  dismiss: 'Dismiss',
  presence: {
    label: 'Who else has this case open',
    editing: '{{name}} is editing',
    viewing: '{{name}} has this case open',
  },
  connection: {
    lost: 'Live updates are paused: changes by others show when you reload or come back to this tab.',
  },
};

export const nl: LocaleShape<typeof en> = {
  change: {
    'case.created': '{{name}} heeft deze zaak aangemaakt',
    'case.updated': '{{name}} heeft wijzigingen in deze zaak opgeslagen',
    'case.commented': '{{name}} heeft gereageerd',
    'case.assigned': '{{name}} heeft gewijzigd wie aan deze zaak werkt',
    'case.request-addressed': '{{name}} heeft een verzoek afgevinkt',
    'case.request-reopened': '{{name}} heeft een verzoek heropend',
    'case.submitted': '{{name}} heeft deze zaak ter beoordeling ingediend',
    'case.approved': '{{name}} heeft de aanwijzing goedgekeurd (R18)',
    'case.returned': '{{name}} heeft deze zaak teruggestuurd',
    'case.rejected': '{{name}} heeft de aanwijzing afgewezen',
    'case.override': '{{name}} heeft goedgekeurd met een afwijking van het oordeel (R8)',
    'case.review-maintained': '{{name}} heeft de aanwijzing bij de periodieke herbeoordeling gehandhaafd (R17)',
    'case.review-modify': '{{name}} heeft de aanwijzing bij de periodieke herbeoordeling gewijzigd (R17)',
    'case.withdrawn': '{{name}} heeft de aanwijzing ingetrokken',
    'account.associated': '{{name}} heeft een gelieerd account bevestigd (R16)',
    'account.rejected': '{{name}} heeft een voorgesteld account afgewezen (R16)',
    'action.applied': '{{name}} heeft een handhavingsmaatregel toegepast (R15)',
    'action.reapplied': '{{name}} heeft een handhavingsmaatregel opnieuw toegepast (R15)',
    'action.ended': '{{name}} heeft een handhavingsmaatregel beëindigd (R15)',
  },
  shown: 'De pagina toont het nu.',
  keptYours: 'De pagina toont het nu; een wijziging van u die nog niet is opgeslagen blijft bewaard, en waar die de hunne raakt kiest u wat blijft.',
  dismiss: 'Sluiten',
  presence: {
    label: 'Wie deze zaak nog meer open heeft',
    editing: '{{name}} is aan het bewerken',
    viewing: '{{name}} heeft deze zaak open',
  },
  connection: {
    lost: 'Live-updates zijn gepauzeerd: wijzigingen van anderen verschijnen wanneer u herlaadt of naar dit tabblad terugkeert.',
  },
};

export const tr: LocaleShape<typeof en> = {
  change: {
    'case.created': '{{name}} bu vakayı oluşturdu',
    'case.updated': '{{name}} bu vakadaki değişiklikleri kaydetti',
    'case.commented': '{{name}} yorum yaptı',
    'case.assigned': '{{name}} bu vaka üzerinde kimin çalıştığını değiştirdi',
    'case.request-addressed': '{{name}} bir talebi tamamlandı olarak işaretledi',
    'case.request-reopened': '{{name}} bir talebi yeniden açtı',
    'case.submitted': '{{name}} bu vakayı incelemeye gönderdi',
    'case.approved': '{{name}} belirlemeyi onayladı (R18)',
    'case.returned': '{{name}} bu vakayı geri gönderdi',
    'case.rejected': '{{name}} belirlemeyi reddetti',
    'case.override': '{{name}} kararı geçersiz kılarak onayladı (R8)',
    'case.review-maintained': '{{name}} dönemsel incelemede belirlemeyi yürürlükte tuttu (R17)',
    'case.review-modify': '{{name}} dönemsel incelemede belirlemeyi değiştirdi (R17)',
    'case.withdrawn': '{{name}} belirlemeyi geri çekti',
    'account.associated': '{{name}} ilişkili bir hesabı onayladı (R16)',
    'account.rejected': '{{name}} önerilen bir hesabı reddetti (R16)',
    'action.applied': '{{name}} bir yaptırım uyguladı (R15)',
    'action.reapplied': '{{name}} bir yaptırımı yeniden uyguladı (R15)',
    'action.ended': '{{name}} bir yaptırımı sona erdirdi (R15)',
  },
  shown: 'Sayfa bunu şimdi gösteriyor.',
  keptYours: 'Sayfa bunu şimdi gösteriyor; henüz kaydedilmemiş düzenlemeniz korunur ve onlarınkiyle çakıştığı yerde neyin kalacağını siz seçersiniz.',
  dismiss: 'Kapat',
  presence: {
    label: 'Bu vakayı başka kimler açmış',
    editing: '{{name}} düzenliyor',
    viewing: '{{name}} bu vakayı açmış',
  },
  connection: {
    lost: 'Canlı güncellemeler duraklatıldı: başkalarının değişiklikleri sayfayı yenilediğinizde veya bu sekmeye döndüğünüzde görünür.',
  },
};
