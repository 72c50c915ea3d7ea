/** The bounds of a slot search, in one place for the validation and the documentation. */
export const SLOT_SEARCH_LIMITS = {
  longestRangeDays: 92,
  longestMeetingMinutes: 24 * 60,
  participants: 200,
  defaultSlots: 10,
  maxSlots: 50,
  defaultGranularityMinutes: 30,
  granularities: [5, 10, 15, 20, 30, 60],
} as const;
