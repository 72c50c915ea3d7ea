const rules = new Intl.PluralRules('en');

/** `counted(1, 'participant')` is "1 participant", `counted(2, 'participant')` "2 participants". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${rules.select(count) === 'one' ? singular : plural}`;
}

/** "is" or "are", to agree with a count. */
export function isOrAre(count: number): string {
  return rules.select(count) === 'one' ? 'is' : 'are';
}
