/** The problem codes of participants: each answer's `code`, and the end of its `type`. */
export enum ParticipantErrorCode {
  EmailTaken = 'email-taken',
  Invited = 'participant-invited',
}
