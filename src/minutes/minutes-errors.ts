/** The problem codes of minutes: each answer's `code`, and the end of its `type`. */
export enum MinutesErrorCode {
  Agreed = 'minutes-agreed',
  AlreadyAgreed = 'already-agreed',
  Signed = 'minutes-signed',
  NotAgreed = 'minutes-not-agreed',
  Draft = 'minutes-draft',
  NotSigned = 'minutes-not-signed',
}
