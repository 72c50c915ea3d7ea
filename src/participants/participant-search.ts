import type { LocalizedText } from '../common/i18n/localized-text.js';

/**
 * Folds text so a search matches however a name was typed: case, compatibility forms,
 * joiners and direction marks (ZWNJ is common inside Persian names), Arabic vs Persian
 * letters (ي/ی, ك/ک), tatweel, and ё/е in Russian.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\u0640\u00ad]/g, '')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0623\u0625\u0622]/g, '\u0627')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every spelling of the name and the address, folded, one searchable string. */
export function participantSearchText(fullName: LocalizedText, email: string): string {
  return [...Object.values(fullName), email].map(foldForSearch).join(' | ');
}

/** A LIKE pattern matching the folded query anywhere. */
export function searchPattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
