/** Helpers of the expansion specs: a series asked with its rule as text, and what came of it. */
import { expandSeries, type Occurrence, type SeriesInput } from './expand.js';
import { parseRule } from './rrule.js';

export type SeriesRequest = Omit<SeriesInput, 'rule' | 'durationMinutes'> & {
  rule: string;
  durationMinutes?: number;
};

export function expansionOf(request: SeriesRequest) {
  const parsed = parseRule(request.rule);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return expandSeries({ durationMinutes: 90, ...request, rule: parsed.rule });
}

export function occurrencesOf(request: SeriesRequest): Occurrence[] {
  const expansion = expansionOf(request);
  if ('problems' in expansion) throw new Error(expansion.problems.join('; '));
  return expansion.occurrences;
}

export function problemsOf(request: SeriesRequest): string[] {
  const expansion = expansionOf(request);
  return 'problems' in expansion ? expansion.problems : [];
}

export const idsOf = (occurrences: Occurrence[]) => occurrences.map((occurrence) => occurrence.recurrenceId);
export const utcStartsOf = (occurrences: Occurrence[]) =>
  occurrences.map((occurrence) => occurrence.startsAt.toISOString());
