/** The problem codes of the committees feature: each answer's `code`, and the end of its `type`. */
export enum CommitteeErrorCode {
  SlugTaken = 'slug-taken',
  HasSessions = 'committee-has-sessions',
}
