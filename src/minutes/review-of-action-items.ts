import { DESCRIPTION_MAX } from '../common/i18n/localized-text.validation.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import type { ActionItem } from './action-item.entity.js';
import { protocolWords } from './protocol-words.js';

export const REVIEW_TITLE: LocalizedText = {
  en: 'Review of action items',
  fa: 'بررسی اجرای اقدامات',
  ru: 'Рассмотрение хода выполнения поручений',
};

/**
 * The review item's description: one numbered line per open action item, in each language the
 * title has plus the items' own languages; cut to the description limit with an ellipsis.
 */
export function reviewDescription(
  items: Array<Pick<ActionItem, 'title' | 'dueDate' | 'status' | 'partyId'>>,
  partyNames: Map<string, LocalizedText>,
): LocalizedText | null {
  if (items.length === 0) return null;
  const langs = [
    ...new Set([...Object.keys(REVIEW_TITLE), ...items.flatMap((item) => Object.keys(item.title))]),
  ];
  return Object.fromEntries(
    langs.map((lang) => {
      const words = protocolWords(lang);
      const lines = items.map((item, index) => {
        const details = [resolveText(partyNames.get(item.partyId), lang) ?? ''];
        if (item.dueDate) details.push(`${words.due}: ${item.dueDate}`);
        details.push(words.statuses[item.status]);
        return `${index + 1}. ${resolveText(item.title, lang) ?? ''} (${details.filter(Boolean).join('; ')})`;
      });
      return [lang, fitted(lines)];
    }),
  );
}

function fitted(lines: string[]): string {
  const kept = [...lines];
  while (kept.length > 1 && [...kept.join('\n')].length > DESCRIPTION_MAX - 2) kept.pop();
  const text = kept.join('\n');
  return kept.length < lines.length ? `${text}\n…` : text;
}
