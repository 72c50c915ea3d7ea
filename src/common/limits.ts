/**
 * The product's limits, in one place: DTOs, SQL and the pure cores import them from here, so
 * a limit changes once. Plain values only.
 */

/** The longest a session may last: 7 days. It also bounds how far back an overlapping session can start. */
export const LONGEST_SESSION_MINUTES = 7 * 24 * 60;
/** The same, as a PostgreSQL interval for queries. */
export const LONGEST_SESSION_INTERVAL = `${LONGEST_SESSION_MINUTES} minutes`;

/** Local years a session or occurrence may fall in. */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2200;

/** A series gives at most this many occurrences, within this many years of its start. */
export const MAX_SERIES_OCCURRENCES = 500;
export const MAX_SERIES_YEARS = 5;

/** A wall-clock time of day, `HH:mm` (00:00–23:59). */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A personal link in a notice e-mail stays good until this many days after its session ends. */
export const MAIL_LINK_DAYS_AFTER_END = 7;
