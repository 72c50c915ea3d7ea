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
  return new MinutesInputReader(context).read(input);
}

type ItemInput = PutMinutesDto['items'][number];
type DecisionInput = NonNullable<ItemInput['decisions']>[number];
type ActionInput = NonNullable<ItemInput['actionItems']>[number];
type AttendanceInput = NonNullable<PutMinutesDto['attendance']>[number];

/** One reading of one PUT body: the problems found so far and the ids already used. */
class MinutesInputReader {
  private readonly problems: FieldProblem[] = [];
  private readonly agendaOrder: Map<string, number>;
  private readonly previousDecisions: Set<string>;
  private readonly previousActions: Map<string, MinutesActionItem>;
  private readonly seenItems = new Set<string>();
  private readonly seenIds = new Set<string>();

  constructor(private readonly context: MinutesInputContext) {
    this.agendaOrder = new Map(context.agenda.map((item, index) => [item.id, index]));
    this.previousDecisions = new Set(
      context.previous?.items.flatMap((item) => item.decisions.map((d) => d.id)),
    );
    this.previousActions = new Map(
      context.previous?.items.flatMap((item) =>
        item.actionItems.map((action) => [action.id, action] as const),
      ),
    );
  }

  read(input: PutMinutesDto): MinutesContent {
    const items = input.items.map((entry, index) => this.item(entry, `items[${index}]`));
    const attendance = input.attendance
      ? input.attendance.map((entry, index) => this.attendance(entry, index, input.attendance!))
      : this.context.defaultAttendance;
    const { problems } = this;
    if (problems.length > 0) {
      throw new UnprocessableError(problems, `Invalid ${problems.map((p) => p.path).join(', ')}`);
    }
    const position = (item: MinutesItem) => this.agendaOrder.get(item.agendaItemId) ?? 0;
    items.sort((left, right) => position(left) - position(right));
    return { items, attendance };
  }

  private problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** An entry's id kept (when it is one of these minutes' and not used twice), or a new one. */
  private keepId(id: string | undefined, known: boolean, path: string): string {
    if (id === undefined) return randomUUID();
    if (!known) this.problem(path, 'is not one of these minutes; leave it out for a new entry');
    else if (this.seenIds.has(id)) this.problem(path, 'appears twice');
    this.seenIds.add(id);
    return id;
  }

  private item(entry: ItemInput, path: string): MinutesItem {
    const agendaItem = this.context.agenda[this.agendaOrder.get(entry.agendaItemId) ?? -1];
    if (!agendaItem) this.problem(`${path}.agendaItemId`, 'is not an agenda item of this session');
    else if (this.seenItems.has(entry.agendaItemId)) this.problem(`${path}.agendaItemId`, 'appears twice');
    this.seenItems.add(entry.agendaItemId);
    const decisions = (entry.decisions ?? []).map((decision, d) =>
      this.decision(decision, `${path}.decisions[${d}]`),
    );
    const actionItems = (entry.actionItems ?? []).map((action, a) =>
      this.action(action, `${path}.actionItems[${a}]`),
    );
    return {
      agendaItemId: entry.agendaItemId,
      number: agendaItem?.number ?? '',
      title: agendaItem?.title ?? {},
      notes: entry.notes ? toLocalizedText(entry.notes, this.context.locale) : null,
      decisions,
      actionItems,
    };
  }

  private decision(decision: DecisionInput, path: string): MinutesDecision {
    return {
      id: this.keepId(decision.id, this.previousDecisions.has(decision.id ?? ''), `${path}.id`),
      text: toLocalizedText(decision.text, this.context.locale),
      kind: decision.kind,
      outcome: decision.outcome,
    };
  }

  private action(action: ActionInput, path: string): MinutesActionItem {
    const previous = action.id ? this.previousActions.get(action.id) : undefined;
    const id = this.keepId(action.id, previous !== undefined, `${path}.id`);
    if (!this.context.partyIds.includes(action.partyId)) {
      this.problem(`${path}.partyId`, 'is not a party of this committee');
    }
    const ownerIds = action.ownerIds ?? [];
    if (new Set(ownerIds).size !== ownerIds.length)
      this.problem(`${path}.ownerIds`, 'names a participant twice');
    else if (ownerIds.some((owner) => this.context.participantParty.get(owner) !== action.partyId)) {
      this.problem(`${path}.ownerIds`, 'must be participants of the owning party');
    }
    return {
      id,
      title: toLocalizedText(action.title, this.context.locale),
      partyId: action.partyId,
      ownerIds,
      dueDate: action.dueDate ?? null,
      status: action.status ?? previous?.status ?? 'open',
    };
  }

  private attendance(entry: AttendanceInput, index: number, all: AttendanceInput[]): MinutesAttendance {
    const path = `attendance[${index}].participantId`;
    const partyId = this.context.participantParty.get(entry.participantId);
    if (!partyId) this.problem(path, 'is not a participant of the committee');
    else if (all.findIndex((other) => other.participantId === entry.participantId) !== index) {
      this.problem(path, 'appears twice');
    }
    return { participantId: entry.participantId, partyId: partyId ?? '', present: entry.present };
  }
}

/** Every participant a PUT body names, to look up their parties in one query. */
export function namedParticipants(input: PutMinutesDto): string[] {
  return [
    ...(input.attendance ?? []).map((entry) => entry.participantId),
    ...input.items.flatMap((item) => (item.actionItems ?? []).flatMap((action) => action.ownerIds ?? [])),
  ];
}
