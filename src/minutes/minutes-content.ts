import type { LocalizedText } from '../common/i18n/localized-text.js';

export const MINUTES_STATUSES = ['draft', 'agreed', 'signed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const DECISION_KINDS = ['decision', 'recommendation', 'noted'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_OUTCOMES = ['consensus', 'adopted', 'rejected', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Statuses that still need work: listed in a later session's review of action items. */
export const UNFINISHED_STATUSES: ActionItemStatus[] = ['open', 'in_progress'];

export interface MinutesDecision {
  id: string;
  text: LocalizedText;
  kind: DecisionKind;
  outcome: DecisionOutcome;
}

export interface MinutesActionItem {
  id: string;
  title: LocalizedText;
  partyId: string;
  ownerIds: string[];
  dueDate: string | null;
  status: ActionItemStatus;
}

/** One agenda item's record; its number and title are copied in, so later agenda edits leave signed minutes alone. */
export interface MinutesItem {
  agendaItemId: string;
  number: string;
  title: LocalizedText;
  notes: LocalizedText | null;
  decisions: MinutesDecision[];
  actionItems: MinutesActionItem[];
}

export interface MinutesAttendance {
  participantId: string;
  partyId: string;
  present: boolean;
}

export interface MinutesContent {
  items: MinutesItem[];
  attendance: MinutesAttendance[];
}

/** Who did something: the token (null for ADMIN_TOKEN), its role, and the party it speaks for. */
export interface MinutesActor {
  tokenId: string | null;
  role: string;
  partyId: string | null;
}

export interface PartyAgreement {
  partyId: string;
  agreedAt: string;
  agreedBy: MinutesActor;
}

export interface Signatory {
  partyId: string;
  participantId: string;
}
