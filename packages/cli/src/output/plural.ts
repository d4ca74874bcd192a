/** `1 plan`, `2 plans`, `0 errors`: a count with the right form of its noun. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
