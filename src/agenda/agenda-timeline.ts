import { MINUTE_MS } from '../common/time/durations.js';

/** What the timeline needs of an agenda item; the entity fits as it is. */
export type AgendaTimelineInput = {
  id: string;
  parentId: string | null;
  position: number;
  durationMinutes: number;
};

export type TimedAgendaItem = {
  id: string;
  parentId: string | null;
  /** `1`, `2`, `2.1`: computed from the order, never stored. */
  number: string;
  depth: 0 | 1;
  plannedStart: Date;
  plannedEnd: Date;
};

export type AgendaTimeline = {
  /** In display order: each top-level item followed by its sub-items. */
  items: TimedAgendaItem[];
  /** Span of the top-level items, from the session's start to the end of the last item. */
  plannedMinutes: number;
  sessionMinutes: number;
  /** How far the last item ends after the session's end, or 0. */
  overrunMinutes: number;
};

/**
 * Numbers the agenda and plans its times. Top-level items run one after another from the session's
 * start. A parent's sub-items run one after another from the parent's start, and the parent spans
 * the longer of its own duration and its sub-items' total: a parent's duration is the time booked
 * for the whole topic, so sub-items may fill it or push the rest of the agenda back, never shrink it.
 * Times are instants plus elapsed minutes, so an agenda across a DST change stays right.
 */
export function computeAgendaTimeline(
  sessionStart: Date,
  sessionEnd: Date,
  items: readonly AgendaTimelineInput[],
): AgendaTimeline {
  const { topLevel, subItemsOf } = groupByParent(items);
  const timed: TimedAgendaItem[] = [];
  let cursorMs = sessionStart.getTime();

  topLevel.forEach((parent, parentIndex) => {
    const parentNumber = String(parentIndex + 1);
    const subItems = subItemsOf.get(parent.id) ?? [];
    const parentStartMs = cursorMs;
    const timedSubItems = subItems.map((subItem, subIndex) => {
      const plannedStart = new Date(cursorMs);
      cursorMs += subItem.durationMinutes * MINUTE_MS;
      return {
        id: subItem.id,
        parentId: parent.id,
        number: `${parentNumber}.${subIndex + 1}`,
        depth: 1 as const,
        plannedStart,
        plannedEnd: new Date(cursorMs),
      };
    });
    cursorMs = Math.max(cursorMs, parentStartMs + parent.durationMinutes * MINUTE_MS);
    timed.push(
      {
        id: parent.id,
        parentId: null,
        number: parentNumber,
        depth: 0,
        plannedStart: new Date(parentStartMs),
        plannedEnd: new Date(cursorMs),
      },
      ...timedSubItems,
    );
  });

  const plannedEndMs = cursorMs;
  return {
    items: timed,
    plannedMinutes: (plannedEndMs - sessionStart.getTime()) / MINUTE_MS,
    sessionMinutes: Math.floor((sessionEnd.getTime() - sessionStart.getTime()) / MINUTE_MS),
    // A session may start at seconds past the minute: any part of a minute over counts as a minute.
    overrunMinutes: Math.max(0, Math.ceil((plannedEndMs - sessionEnd.getTime()) / MINUTE_MS)),
  };
}

function groupByParent(items: readonly AgendaTimelineInput[]): {
  topLevel: AgendaTimelineInput[];
  subItemsOf: Map<string, AgendaTimelineInput[]>;
} {
  const inDisplayOrder = [...items].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const topLevel = inDisplayOrder.filter((item) => item.parentId === null);
  const topLevelIds = new Set(topLevel.map((item) => item.id));
  const subItemsOf = new Map<string, AgendaTimelineInput[]>();
  for (const item of inDisplayOrder) {
    if (item.parentId === null) continue;
    // The service keeps agendas to one level of sub-items; anything else is a bug, not data to guess at.
    if (!topLevelIds.has(item.parentId)) {
      throw new Error(
        `agenda item ${item.id} has parent ${item.parentId}, which is not a top-level item of the agenda`,
      );
    }
    subItemsOf.set(item.parentId, [...(subItemsOf.get(item.parentId) ?? []), item]);
  }
  return { topLevel, subItemsOf };
}
