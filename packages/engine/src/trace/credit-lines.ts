/**
 * Traces of credit lines for `explain`: one line with how it reached the payee (the field, the
 * account and territory, the payee and level of a roll-up, the split row), or the lines of one
 * record together, their sum with each line.
 */
import { recordName } from '../data/model.js';
import { Dec, decText, sumOf } from '../decimal.js';
import type {
  CreditLine,
  CreditResult,
  CreditRole,
  RecordRef,
  Trace,
  TraceInput,
} from '../results/results.js';
import { percent } from './sentence.js';

/** What a credit reference picks: a record's lines, in a role, through a field or split row. */
export interface CreditLinePick {
  record: string;
  role?: CreditRole | undefined;
  via?: string | undefined;
}

/** The lines of `credit` that `pick` points at, in the credit's order. */
export function pickLines(credit: CreditResult, pick: CreditLinePick): CreditLine[] {
  return credit.lines.filter(
    (l) =>
      recordName(l.record) === pick.record &&
      (pick.role === undefined || l.role === pick.role) &&
      (pick.via === undefined ||
        (l.via?.split ? recordName(l.via.split) === pick.via : l.via?.field === pick.via)),
  );
}

/**
 * A number of the results as a decimal; `undefined` for anything else: results read back from a
 * file, or a statement reported by hand, may hold any text, and explaining them must not throw.
 */
function decimal(text: unknown): Dec | undefined {
  return typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text) ? new Dec(text) : undefined;
}

/**
 * What the lines of one record of `credit` took their shares of, when its amount is a bare field
 * and some line takes less than all of it: the field with the record's value, the line's amount
 * divided by its share ("amount 100,000.00 USD" for 60,000 at 60%). Every line of a record is
 * that one value times its share, so any line with a share gives it; exact, since the amount is
 * the value times the share, exactly. Worked out here, when explaining, so that crediting does no
 * work for it. `undefined` for a computed amount (its lines carry what it read), when every line
 * takes 100% (each line is the value) or no line has a share above 0% (no value to divide back).
 */
function baseInput(
  credit: CreditResult,
  lines: readonly CreditLine[],
  currency: string,
): TraceInput | undefined {
  if (typeof credit.amountField !== 'string' || lines.some((l) => l.inputs)) return undefined;
  const shares = lines.map((l) => decimal(l.share));
  if (shares.every((share) => share?.eq(1))) return undefined;
  const at = shares.findIndex((share) => share !== undefined && !share.isZero());
  const amount = decimal(lines[at]?.amount);
  if (!amount) return undefined;
  const base = decText(amount.div(shares[at] as Dec));
  return { name: credit.amountField, value: base, unit: currency };
}

const NOT_QUOTA = 'overlay credit: counted in the credit, not in its quota credit';

/**
 * What an estimate line says: the record, or the split row or account that credits it, is
 * hypothetical, so the line is in no total.
 */
const ESTIMATE = 'an estimate, not counted: it comes from a hypothetical record';

/**
 * The trace of one credit line: what a computed `amount` read from the record (its
 * {@link CreditLine.inputs}), or the bare field's value its share was taken of (see
 * {@link baseInput}), its share and role, how it reached `payee` (for a split source, the row
 * whose share it is), and what it means.
 */
export function creditLineTrace(
  credit: CreditResult,
  line: CreditLine,
  payee: string,
  currency: string,
): Trace {
  const base = baseInput(credit, [line], currency);
  const inputs: TraceInput[] = [
    ...(line.inputs ?? (base ? [base] : [])),
    { name: 'share', value: line.share, unit: '%' },
    { name: 'role', value: line.role },
  ];
  const texts: string[] = [];
  const via = line.via;
  if (via?.split) inputs.push({ name: via.split.source, value: recordName(via.split) });
  else if (via?.territory !== undefined) {
    inputs.push({ name: via.field ?? 'account', value: via.account ?? null });
    inputs.push({ name: 'territory', value: via.territory });
  } else if (via?.level !== undefined) {
    inputs.push({ name: via.field ?? 'of', value: via.of ?? null });
    inputs.push({ name: 'level', value: String(via.level) });
    // On the record's date: managers change by date (`attributeChanges`), and the line follows the
    // chain of that day, not of today.
    texts.push(
      via.level === 1
        ? `${payee} manages ${via.of} on the record's date`
        : `${payee} is ${via.level} levels above ${via.of} on the record's date`,
    );
  } else if (via?.field !== undefined) inputs.push({ name: via.field, value: payee });
  if (line.role === 'overlay') texts.push(NOT_QUOTA);
  if (line.estimate) texts.push(ESTIMATE);
  const trace: Trace = { rule: credit.trace.rule, range: credit.trace.range, inputs, records: [line.record] };
  if (texts.length > 0) trace.text = texts.join('; ');
  return trace;
}

/** A credit line named for a list of lines: `split as co (50%)`, `territory emea`, `manager of rep`. */
function lineName(line: CreditLine): string {
  const via = line.via;
  let name: string = line.role;
  if (via?.split) name = `split in ${via.split.source} ${recordName(via.split)}`;
  else if (via?.territory !== undefined) name = `${line.role} in territory ${via.territory}`;
  else if (via?.level !== undefined) {
    const above = via.level === 1 ? `manager of ${via.of}` : `manager ${via.level} levels above ${via.of}`;
    name = line.role === 'manager' ? above : `${line.role} as ${above}`;
  } else if (via?.field !== undefined) name = `${line.role} as ${via.field}`;
  const share = decimal(line.share);
  if (!share?.eq(1)) name += ` (${percent(line.share)})`;
  if (line.estimate) name += ' (estimate)';
  return name;
}

/**
 * The sum of the amounts of `lines`; `null` (no value) when one of them is not a number (results
 * read back may hold any text): the sum is not known, and each line says what it holds.
 */
function total(lines: readonly CreditLine[]): string | null {
  const amounts = lines.map((l) => decimal(l.amount));
  return amounts.every((a) => a !== undefined) ? decText(sumOf(amounts as Dec[])) : null;
}

/**
 * The lines of one record together: their sum (the lines that are not estimates, unless all are),
 * each line with its amount, and the quota credit when overlay lines make it differ.
 */
export function creditLinesTrace(
  credit: CreditResult,
  lines: readonly CreditLine[],
  currency: string,
): { value: string | null; trace: Trace } {
  const real = lines.filter((l) => !l.estimate);
  const counted = real.length > 0 ? real : lines;
  const value = total(counted);
  // What the lines' shares were taken of first: "amount 1,000.00 USD, split as owner (50%) 500.00 USD".
  // A computed amount's inputs are the same list on every line of the record.
  const read = lines.find((l) => l.inputs)?.inputs;
  const base = baseInput(credit, lines, currency);
  const inputs: TraceInput[] = read ? [...read] : base ? [base] : [];
  for (const l of lines) inputs.push({ name: lineName(l), value: l.amount, unit: currency });
  const quota = counted.filter((l) => l.role !== 'overlay');
  if (quota.length < counted.length) {
    const value = total(quota);
    inputs.push({ name: 'quota credit', value, unit: currency });
  }
  const first = lines[0] as CreditLine;
  const trace: Trace = {
    rule: credit.trace.rule,
    range: credit.trace.range,
    inputs,
    records: [first.record],
  };
  const texts = [`${lines.length} credit lines`];
  if (real.length === 0) texts.push(ESTIMATE);
  else if (real.length < lines.length) texts.push('estimate lines not counted');
  trace.text = texts.join('; ');
  return { value, trace };
}

/**
 * What the credits an earning line reads (its trace's inputs naming a credit) computed for the
 * line's record: the inputs of the credit's computed `amount` ({@link CreditLine.inputs}), and the
 * payee's share when the lines of the record (its estimate lines for an estimate line, else its
 * real ones) do not give them all of it; for a credit whose
 * amount is a bare field, only when they do not: the field's value and the share ("amount
 * 50,000.00 USD, alliance share 50%").
 */
export function creditedInputs(
  credits: readonly CreditResult[],
  names: readonly TraceInput[],
  record: RecordRef,
  currency: string,
  estimate: boolean,
): TraceInput[] {
  const found: TraceInput[] = [];
  const key = recordName(record);
  for (const credit of credits) {
    if (!names.some((i) => i.name === credit.name)) continue;
    // The lines the earning line priced: a paid line the record's real lines, an estimate line its
    // estimate lines (a hypothetical split row's share of a real deal is not in the paid line).
    const lines = credit.lines.filter(
      (l) =>
        l.record.source === record.source &&
        recordName(l.record) === key &&
        (l.estimate === true) === estimate,
    );
    const inputs = lines.find((l) => l.inputs)?.inputs;
    const shares = lines.map((l) => decimal(l.share));
    // A share that is not a number says nothing of the payee's share of the record.
    const share = shares.every((d) => d !== undefined) ? sumOf(shares as Dec[]) : undefined;
    const whole = share === undefined || share.eq(1);
    const base = inputs || whole ? undefined : baseInput(credit, lines, currency);
    if (!inputs && !base) continue;
    found.push(...(inputs ?? [base as TraceInput]));
    if (share && !whole) found.push({ name: `${credit.name} share`, value: decText(share), unit: '%' });
  }
  return found;
}
