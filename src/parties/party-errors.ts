/** The problem codes of parties: each answer's `code`, and the end of its `type`. */
export enum PartyErrorCode {
  CodeTaken = 'party-code-taken',
}
