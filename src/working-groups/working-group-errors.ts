/** The problem codes of working groups: each answer's `code`, and the end of its `type`. */
export enum WorkingGroupErrorCode {
  SlugTaken = 'slug-taken',
  AlreadyMember = 'already-member',
}
