import type { Session } from './session.entity.js';

/**
 * The fields a session shares with its series: an occurrence is made with the series' values,
 * a series edit changes them on its occurrences, and the series' own VEVENT and API answer show
 * them. The series entity names them alike (it lives in `series/`, which `sessions/` does not import).
 */
export const SERIES_FIELDS = [
  'workingGroupId',
  'title',
  'description',
  'kind',
  'format',
  'location',
  'onlineMeeting',
  'capacity',
] as const;

export type SeriesField = (typeof SERIES_FIELDS)[number];
export type SeriesFields = Pick<Session, SeriesField>;

/** The shared fields of a series (or session), to give to a session. */
export function seriesFieldsOf(source: SeriesFields): SeriesFields {
  return Object.fromEntries(SERIES_FIELDS.map((field) => [field, source[field]])) as unknown as SeriesFields;
}
