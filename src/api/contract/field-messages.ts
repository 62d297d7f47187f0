// The contract's own message keys for field errors (a zod refinement's `message`), and the English
// words for each: the app shows them translated (common:field.*, api-error-text.ts), the command-line
// tools in English (src/cli). One list, so a key added to a schema is added here once.

export const CONTRACT_FIELD_MESSAGES = {
  required: 'Required.',
  'link.httpOnly': 'Only http:// and https:// links are allowed.',
  'account.handleFormat': 'An account handle uses letters, digits, _ . or - only.',
  'window.order': 'The end of the window must be after its start.',
  'technique.kind': 'The technique is not one of the signal’s kind (R1).',
  'text.nul': 'The text contains a NUL character (U+0000), which cannot be stored; remove it.',
  'request.target': 'A request points at a field of the case form or at one signal.',
  'request.tooMany': 'A return carries at most 50 requests.',
  'request.onlyOnReturn': 'Requests go with a return only.',
  'assign.unknown': 'There is nobody by that id to assign.',
  'assign.role': 'An owner is an analyst and a reviewer a reviewer.',
  'assign.fourEyes': 'Someone who created, edited or submitted the case cannot review it (R18).',
  'mention.unknown': 'A comment can mention only people of the team with a case role.',
  'mention.tooMany': 'A comment mentions at most 20 people.',
  'mention.notInText': 'A mention is written @Name in the comment.',
  'review.associationsUndecided': 'Confirm or end each association without recent activity (R16).',
  'review.notAssociated': 'Only confirmed associations can be decided at a periodic review (R16).',
  'manipulation.noAccounts': 'Choose at least one account of the platform-manipulation track (R3).',
  'manipulation.notInTrack': 'Platform-manipulation enforcement is for accounts of the establishing technical signals only (R3).',
  'reapplication.notReapplicable': 'Only an expired visibility limit on a confirmed account, not re-applied yet, can be re-applied (R15).',
  'reapplication.beforeExpiry': 'Re-application rests on activity after the limit expired (R15).',
} as const;

export type ContractFieldMessage = keyof typeof CONTRACT_FIELD_MESSAGES;

export function isContractFieldMessage(message: string): message is ContractFieldMessage {
  return Object.hasOwn(CONTRACT_FIELD_MESSAGES, message);
}

/** A zod issue's message in words: the contract's keys spelled out, zod's own texts as they are. */
export function fieldMessageInWords(message: string): string {
  return isContractFieldMessage(message) ? CONTRACT_FIELD_MESSAGES[message] : message;
}
