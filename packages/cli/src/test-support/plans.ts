/** Small plans for CLI tests. */

/** A complete plan that compiles without diagnostics. */
export const validPlan = `plan "Inside Sales" version "2026.1" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31

  source deals "Deals" {
    id: Text key
    owner: Payee owner
    amount: Money
    close_date: Date dated
    stage: Text
  }

  payee {
    quarterly_quota: Money
  }

  credit bookings "Bookings" from deals where stage = "Closed Won" {
    to owner
  }

  measure attainment "Quota attainment" = bookings / payee.quarterly_quota

  rate table commission_rates "Commission rates" on attainment marginal {
    0% to 100%: 8%
    100% and up: 12%
  }

  /** Paid on every closed-won deal at the rate of the attainment band it falls in. */
  commission new_business "New business commission" = tiered(bookings, commission_rates)
    per line
}
`;

/** The valid plan with two mistakes: a misspelt name (line 22) and tiers that overlap (line 26). */
export const planWithErrors = validPlan
  .replace('= bookings / payee.quarterly_quota', '= bookngs / payee.quarterly_quota')
  .replace('100% and up: 12%', '90% and up: 12%');

/** The valid plan with a definition nobody uses (a warning, line 22). */
export const planWithWarning = validPlan.replace(
  '\n  measure attainment',
  '\n  let spare = 5\n  measure attainment',
);

/** A plan that does not parse. */
export const planWithSyntaxError = `plan "Broken" {
  currency USD
  period quarter
  effective 2026-01-01 to 2026-12-31
  let x = (1 +
}
`;
