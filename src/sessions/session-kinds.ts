/** What a session is, how it is held, and where it stands. */
export const SESSION_KINDS = ['plenary', 'working_group', 'webinar', 'bilateral', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface OnlineMeeting {
  joinUrl: string;
  provider?: string;
  accessCode?: string;
}
