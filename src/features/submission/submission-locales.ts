// Strings of the "Submit for review" button and dialog (R10, R12, R17).
import type { LocaleShape } from '../../i18n/locale-shape';

export const en = {
  button: 'Submit for review',
  analystsOnly: 'Only analysts submit cases for review (R18).',
  waitForSave: 'Your last changes are still being saved; submit once they are.',
  refused_one: 'Not ready to submit: this field was refused, so nothing is being saved until you correct it (what you typed is kept on this device):',
  refused_other: 'Not ready to submit: these fields were refused, so nothing is being saved until you correct them (what you typed is kept on this device):',
  inReview: 'In review: submitted by {{name}} on',
  title: 'Submit “{{name}}” for review',
  missingTitle: 'Answer these before submitting:',
  missingHelp: 'The four assessment questions (R12) and the assessment of the risks to speech and associational rights (R10) must be written before a reviewer sees the case.',
  rightsRiskAssessment: 'The risks of applying the policy, including impacts on speech and associational rights (R10)',
  ready: 'The assessment questions (R12) and the rights-risk assessment (R10) are answered.',
  verdictStored: 'The engine’s verdict, stored with the submission:',
  note: 'Note for the reviewer (optional)',
  noteHelp: 'Kept in the audit trail with the submission.',
  submit: 'Submit',
  submitting: 'Submitting…',
} as const;

export const nl: LocaleShape<typeof en> = {
  button: 'Indienen voor beoordeling',
  analystsOnly: 'Alleen analisten dienen zaken in voor beoordeling (R18).',
  waitForSave: 'Je laatste wijzigingen worden nog opgeslagen; dien in zodra dat klaar is.',
  refused_one: 'Nog niet in te dienen: dit veld is geweigerd, dus er wordt niets opgeslagen tot je het corrigeert (wat je typte blijft op dit apparaat bewaard):',
  refused_other: 'Nog niet in te dienen: deze velden zijn geweigerd, dus er wordt niets opgeslagen tot je ze corrigeert (wat je typte blijft op dit apparaat bewaard):',
  inReview: 'In beoordeling: ingediend door {{name}} op',
  title: '“{{name}}” indienen voor beoordeling',
  missingTitle: 'Beantwoord eerst het volgende:',
  missingHelp: 'De vier beoordelingsvragen (R12) en de beoordeling van de risico’s voor de vrijheid van meningsuiting en het recht op vereniging (R10) moeten geschreven zijn voordat een beoordelaar de zaak ziet.',
  rightsRiskAssessment: 'De risico’s van het toepassen van het beleid, zoals gevolgen voor de vrijheid van meningsuiting en het recht op vereniging (R10)',
  ready: 'De beoordelingsvragen (R12) en de risicobeoordeling voor rechten (R10) zijn beantwoord.',
  verdictStored: 'De uitkomst van de engine, bewaard bij de indiening:',
  note: 'Notitie voor de beoordelaar (optioneel)',
  noteHelp: 'Wordt met de indiening bewaard in het controlespoor.',
  submit: 'Indienen',
  submitting: 'Indienen…',
};

export const tr: LocaleShape<typeof en> = {
  button: 'İncelemeye gönder',
  analystsOnly: 'Vakaları incelemeye yalnızca analistler gönderir (R18).',
  waitForSave: 'Son değişiklikleriniz hâlâ kaydediliyor; kaydedildiğinde gönderin.',
  refused_one: 'Henüz gönderilemez: bu alan reddedildi, siz düzeltene kadar hiçbir şey kaydedilmiyor (yazdıklarınız bu cihazda saklanıyor):',
  refused_other: 'Henüz gönderilemez: bu alanlar reddedildi, siz düzeltene kadar hiçbir şey kaydedilmiyor (yazdıklarınız bu cihazda saklanıyor):',
  inReview: 'İncelemede: gönderen {{name}}, tarih:',
  title: '“{{name}}” vakasını incelemeye gönder',
  missingTitle: 'Göndermeden önce bunları yanıtlayın:',
  missingHelp: 'Bir inceleyici vakayı görmeden önce dört değerlendirme sorusu (R12) ve konuşma ile ilişkisel haklara yönelik risklerin değerlendirmesi (R10) yazılmış olmalıdır.',
  rightsRiskAssessment: 'Politikayı uygulamanın riskleri, konuşma ve ilişkisel haklar üzerindeki etkiler dahil (R10)',
  ready: 'Değerlendirme soruları (R12) ve haklara yönelik risk değerlendirmesi (R10) yanıtlandı.',
  verdictStored: 'Gönderimle birlikte saklanacak motor sonucu:',
  note: 'İnceleyici için not (isteğe bağlı)',
  noteHelp: 'Gönderimle birlikte denetim kaydında saklanır.',
  submit: 'Gönder',
  submitting: 'Gönderiliyor…',
};
