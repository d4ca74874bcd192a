/** Small data directories for the plans of ./plans.ts, for `attain run` and `attain demo` tests. */

/**
 * payees.csv for the Inside Sales plan: Ada and Grace are on it (Grace from 1 February), Alan left
 * before 2026 and Edsger is on another plan.
 */
export const payeesCsv = `id,name,manager,quarterly_quota,plan,plan_from,plan_to
ae-1,Ada Lovelace,,100000,,,
ae-2,Grace Hopper,ae-1,50000,,2026-02-01,
ae-3,Alan Turing,ae-1,80000,,2025-01-01,2025-12-31
ae-4,Edsger Dijkstra,,80000,Channel Partner,,
`;

/** deals.csv: D4 is lost and D5 closes in Q2. */
export const dealsCsv = `id,owner,amount,close_date,stage
D1,ae-1,60000,2026-01-15,Closed Won
D2,ae-1,50000.50,2026-02-20,Closed Won
D3,ae-2,20000,2026-03-01,Closed Won
D4,ae-2,99999,2026-03-10,Closed Lost
D5,ae-1,70000,2026-04-02,Closed Won
`;

/** A deals.csv row with two errors: an amount that is not a number and an unknown owner. */
export const badDealRow = 'D6,ae-9,12O0,2026-03-02,Closed Won\n';
