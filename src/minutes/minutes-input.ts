import { randomUUID } from 'node:crypto';
import { UnprocessableError, type FieldProblem } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import type { PutMinutesDto } from './dto/minutes-input.dto.js';
import type {
  MinutesActionItem,
  MinutesAttendance,
  MinutesContent,
  MinutesDecision,
  MinutesItem,
} from './minutes-content.js';
import type { NumberedAgendaItem } from './minutes.repository.js';

export interface MinutesInputContext {
  locale: string;
  agenda: NumberedAgendaItem[];
  previous: MinutesContent | null;
  partyIds: string[];
  /** Participant id → party id, for every participant the input names. */
  participantParty: Map<string, string>;
  /** The attendance to keep when the input leaves it out. */
  defaultAttendance: MinutesAttendance[];
}

/**
 * Turns a PUT body into the minutes' content, checking it against the session: every problem
 * found is named at once (422), and nothing is written unless all is well.
 */
export function buildMinutesContent(input: PutMinutesDto, context: MinutesInputContext): MinutesContent {
  const problems: FieldProblem[] = [];
  const agendaOrder = new Map(context.agenda.map((item, index) => [item.id, index]));
  const previousDecisions = new Set(
    context.previous?.items.flatMap((item) => item.decisions.map((d) => d.id)),
  );
  const previousActions = new Map(
    context.previous?.items.flatMap((item) => item.actionItems.map((action) => [action.id, action] as const)),
  );
  const seenItems = new Set<string>();
  const seenIds = new Set<string>();
  const keepId = (id: string | undefined, known: boolean, path: string): string => {
    if (id === undefined) return randomUUID();
    if (!known) problems.push({ path, message: 'is not one of these minutes; leave it out for a new entry' });
    else if (seenIds.has(id)) problems.push({ path, message: 'appears twice' });
    seenIds.add(id);
    return id;
  };

  const items: MinutesItem[] = input.items.map((entry, index) => {
    const path = `items[${index}]`;
    const agendaItem = context.agenda[agendaOrder.get(entry.agendaItemId) ?? -1];
    if (!agendaItem)
      problems.push({ path: `${path}.agendaItemId`, message: 'is not an agenda item of this session' });
    else if (seenItems.has(entry.agendaItemId))
      problems.push({ path: `${path}.agendaItemId`, message: 'appears twice' });
    seenItems.add(entry.agendaItemId);
    const decisions: MinutesDecision[] = (entry.decisions ?? []).map((decision, d) => ({
      id: keepId(decision.id, previousDecisions.has(decision.id ?? ''), `${path}.decisions[${d}].id`),
      text: toLocalizedText(decision.text, context.locale),
      kind: decision.kind,
      outcome: decision.outcome,
    }));
    const actionItems: MinutesActionItem[] = (entry.actionItems ?? []).map((action, a) => {
      const actionPath = `${path}.actionItems[${a}]`;
      const previous = action.id ? previousActions.get(action.id) : undefined;
      const id = keepId(action.id, previous !== undefined, `${actionPath}.id`);
      if (!context.partyIds.includes(action.partyId))
        problems.push({ path: `${actionPath}.partyId`, message: 'is not a party of this committee' });
      const ownerIds = action.ownerIds ?? [];
      if (new Set(ownerIds).size !== ownerIds.length)
        problems.push({ path: `${actionPath}.ownerIds`, message: 'names a participant twice' });
      else if (ownerIds.some((owner) => context.participantParty.get(owner) !== action.partyId))
        problems.push({
          path: `${actionPath}.ownerIds`,
          message: 'must be participants of the owning party',
        });
      return {
        id,
        title: toLocalizedText(action.title, context.locale),
        partyId: action.partyId,
        ownerIds,
        dueDate: action.dueDate ?? null,
        status: action.status ?? previous?.status ?? 'open',
      };
    });
    return {
      agendaItemId: entry.agendaItemId,
      number: agendaItem?.number ?? '',
      title: agendaItem?.title ?? {},
      notes: entry.notes ? toLocalizedText(entry.notes, context.locale) : null,
      decisions,
      actionItems,
    };
  });

  const attendance = input.attendance
    ? input.attendance.map((entry, index): MinutesAttendance => {
        const partyId = context.participantParty.get(entry.participantId);
        if (!partyId)
          problems.push({
            path: `attendance[${index}].participantId`,
            message: 'is not a participant of the committee',
          });
        else if (
          input.attendance!.findIndex((other) => other.participantId === entry.participantId) !== index
        )
          problems.push({ path: `attendance[${index}].participantId`, message: 'appears twice' });
        return { participantId: entry.participantId, partyId: partyId ?? '', present: entry.present };
      })
    : context.defaultAttendance;

  if (problems.length > 0)
    throw new UnprocessableError(problems, `Invalid ${problems.map((p) => p.path).join(', ')}`);
  items.sort(
    (left, right) => (agendaOrder.get(left.agendaItemId) ?? 0) - (agendaOrder.get(right.agendaItemId) ?? 0),
  );
  return { items, attendance };
}

/** Every participant a PUT body names, to look up their parties in one query. */
export function namedParticipants(input: PutMinutesDto): string[] {
  return [
    ...(input.attendance ?? []).map((entry) => entry.participantId),
    ...input.items.flatMap((item) => (item.actionItems ?? []).flatMap((action) => action.ownerIds ?? [])),
  ];
}
