/** Yes/no cells of the CLI's CSV files (`own_quota` in quotas input, `hypothetical` in sources). */

/**
 * A yes/no cell: `true`, `yes` or `1` is true and `false`, `no` or `0` is false, in any case;
 * `undefined` for any other text.
 */
export function readFlag(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'yes' || lower === '1') return true;
  if (lower === 'false' || lower === 'no' || lower === '0') return false;
  return undefined;
}
