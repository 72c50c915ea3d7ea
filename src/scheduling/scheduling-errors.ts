/** The problem codes of finding a time: each answer's `code`, and the end of its `type`. */
export enum SchedulingErrorCode {
  NoParties = 'no-parties',
}
