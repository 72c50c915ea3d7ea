import { ConflictError, invalid, UnprocessableError } from '../common/errors/problem.js';
import type {
  MinutesActor,
  MinutesContent,
  MinutesStatus,
  PartyAgreement,
  Signatory,
} from './minutes-content.js';
import { MinutesErrorCode } from './minutes-errors.js';

/**
 * The minutes' workflow, draft → agreed → signed, as pure functions: no database, no Nest.
 * Signed minutes never change; a correction is a new revision that starts as a draft again.
 */

/** Only a draft is edited: agreed and signed text stays as it was, and a correction opens a new revision. */
export function statusAfterEdit(status: MinutesStatus): MinutesStatus {
  if (status === 'signed') throw signedConflict();
  if (status === 'agreed') {
    throw new ConflictError(
      MinutesErrorCode.Agreed,
      'These minutes are agreed and their text no longer changes; sign them, or open a correction (POST .../minutes/corrections) for a new revision',
    );
  }
  return 'draft';
}

export function signedConflict(): ConflictError {
  return new ConflictError(
    MinutesErrorCode.Signed,
    'These minutes are signed and do not change; open a correction (POST .../minutes/corrections) for a new revision',
  );
}

/**
 * The parties whose agreement the minutes need. When the committee's organizers speak for at
 * least two of its parties, every party agrees; when a single secretariat runs the committee
 * (no organizer token, or those of one party only, name a party), one agreement suffices.
 */
export function requiredParties(committeePartyIds: string[], organizerPartyIds: string[]): string[] {
  const marked = new Set(organizerPartyIds.filter((id) => committeePartyIds.includes(id)));
  return marked.size >= 2 ? [...committeePartyIds] : [];
}

/** The party an agreement is for: the token's own, or (for an admin or a party-less organizer) the one named. */
export function agreeingParty(
  caller: { partyId: string | null },
  namedPartyId: string | undefined,
  committeePartyIds: string[],
): string {
  if (caller.partyId) {
    if (namedPartyId && namedPartyId !== caller.partyId)
      throw invalid('partyId', 'must be the party of the token’s secretariat, or left out');
    return caller.partyId;
  }
  if (!namedPartyId) throw invalid('partyId', 'is required: this token speaks for no party');
  if (!committeePartyIds.includes(namedPartyId)) throw invalid('partyId', 'is not a party of this committee');
  return namedPartyId;
}

/** Records a party's agreement; the minutes become agreed when every required party has agreed. */
export function recordAgreement(
  state: { status: MinutesStatus; agreements: PartyAgreement[] },
  partyId: string,
  actor: MinutesActor,
  at: Date,
  required: string[],
): { status: MinutesStatus; agreements: PartyAgreement[] } {
  if (state.status === 'signed') throw signedConflict();
  if (state.status === 'agreed')
    throw new ConflictError(MinutesErrorCode.Agreed, 'These minutes are already agreed');
  if (state.agreements.some((agreement) => agreement.partyId === partyId))
    throw new ConflictError(MinutesErrorCode.AlreadyAgreed, 'This party has already agreed these minutes');
  const agreements = [...state.agreements, { partyId, agreedAt: at.toISOString(), agreedBy: actor }];
  const agreed = new Set(agreements.map((agreement) => agreement.partyId));
  const complete = required.length === 0 || required.every((id) => agreed.has(id));
  return { status: complete ? 'agreed' : 'draft', agreements };
}

/** Signing needs agreed minutes and at least one signatory of each party, each a delegate of that party. */
export function checkSigning(
  status: MinutesStatus,
  signatories: Signatory[],
  partyOfParticipant: Map<string, string>,
  committeePartyIds: string[],
): void {
  if (status === 'signed')
    throw new ConflictError(MinutesErrorCode.Signed, 'These minutes are already signed');
  if (status !== 'agreed')
    throw new ConflictError(
      MinutesErrorCode.NotAgreed,
      'Minutes are signed once every party has agreed them',
    );
  const problems = signatories.flatMap((signatory, index) => {
    const party = partyOfParticipant.get(signatory.participantId);
    if (!party)
      return [
        { path: `signatories[${index}].participantId`, message: 'is not a participant of the committee' },
      ];
    return party === signatory.partyId
      ? []
      : [{ path: `signatories[${index}].partyId`, message: 'is not the participant’s party' }];
  });
  const signing = new Set(signatories.map((signatory) => signatory.partyId));
  const missing = committeePartyIds.filter((id) => !signing.has(id));
  if (missing.length > 0)
    problems.push({
      path: 'signatories',
      message: `needs a signatory of every party; none for ${missing.join(', ')}`,
    });
  if (problems.length > 0) throw new UnprocessableError(problems, 'The signatories are incomplete');
}

/** A correction opens on agreed or signed minutes; a draft is simply edited. */
export function assertCorrectable(status: MinutesStatus): void {
  if (status === 'draft')
    throw new ConflictError(
      MinutesErrorCode.Draft,
      'These minutes are a draft: edit them instead of opening a correction',
    );
}

/** What an edit changed, as paths a reader can follow: `attendance`, `items[<agendaItemId>].decisions`. */
export function changedPaths(before: MinutesContent, after: MinutesContent): string[] {
  const paths: string[] = [];
  if (!sameJson(before.attendance, after.attendance)) paths.push('attendance');
  const beforeItems = new Map(before.items.map((item) => [item.agendaItemId, item]));
  const afterIds = new Set(after.items.map((item) => item.agendaItemId));
  for (const item of after.items) {
    const old = beforeItems.get(item.agendaItemId);
    if (!old) {
      paths.push(`items[${item.agendaItemId}]`);
      continue;
    }
    for (const field of ['notes', 'decisions', 'actionItems'] as const) {
      if (!sameJson(old[field], item[field])) paths.push(`items[${item.agendaItemId}].${field}`);
    }
  }
  for (const id of beforeItems.keys()) if (!afterIds.has(id)) paths.push(`items[${id}]`);
  return paths;
}

/** Equal as JSON values, whatever the order of object keys (jsonb stores its own order). */
function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(sortedKeys(left)) === JSON.stringify(sortedKeys(right));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}
