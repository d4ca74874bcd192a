/**
 * How each credit line of a statement reached its payee (`CreditLine.via`): the record's field
 * that named them, the account and territory of territory credit, the payee and level of a
 * roll-up, or the row of a split source. Crediting keeps only a line's role, share and amount (a
 * million lines, one small object each); the path is found again here, for the lines of one
 * statement, by going through the credit's recipients in the order crediting applies them, and
 * matching each line to the first path of the same role and share not matched yet.
 */
import type { CompiledCredit, CompiledRecipient } from '../credit/compile-credit.js';
import { ownerOnly, recipientRole } from '../credit/compile-credit.js';
import { managersByDay, managersOf, splitRows, viewedRecord } from '../credit/crediting.js';
import { type Rec, recordRef } from '../data/model.js';
import type { Dec } from '../decimal.js';
import type { Run } from '../evaluate/run.js';
import type { CreditRole, CreditVia } from './results.js';

/** What a credit line says of itself, to be matched to a path. */
interface LineKey {
  role: CreditRole;
  share: Dec;
}

const NO_RECORDS: readonly Rec[] = [];

/** The paths of the lines of one credit to one payee. */
export class CreditPaths {
  /**
   * The path of each recipient by what it depends on (nothing for a field, the account for a
   * territory, the payee whose managers are credited for a roll-up), `null` when the recipient
   * does not reach the payee: one object per distinct path, shared by the lines it explains.
   */
  private readonly memo = new Map<CompiledRecipient, Map<string, CreditVia | null>>();

  /** The paths of split rows, one per row. */
  private readonly rows = new Map<Rec, CreditVia>();

  /** The payee's role on a territory, by territory and day: `null` when they do not cover it then. */
  private readonly covers = new Map<string, Map<number, 'primary' | 'overlay' | null>>();

  /** The paths through a hypothetical account: only lines that are estimates come that way. */
  private readonly hypothetical = new WeakSet<CreditVia>();

  /** The role the path {@link reach} found last gives. */
  private role: CreditRole = 'owner';

  constructor(
    private readonly run: Run,
    private readonly c: CompiledCredit,
    private readonly payee: string,
  ) {}

  /**
   * The paths of a credit's lines to a payee, or `undefined` for a credit whose only recipient is
   * its source's owner field (`to owner`): its lines say all there is with their role.
   */
  static of(run: Run, c: CompiledCredit | undefined, payee: string): CreditPaths | undefined {
    return c === undefined || ownerOnly(c) ? undefined : new CreditPaths(run, c, payee);
  }

  /**
   * The path of a line of record `line` (a credit entry's record: a record, or its hypothetical
   * view) in `role` with `share`: the first way, in the order crediting applies the recipients and
   * then the split rows, that credits the payee so, is not `taken` by an earlier line of the
   * record, and is hypothetical exactly when the line is an estimate of a real record (a
   * hypothetical split row or account); `undefined` for an `owner` line (the role says it).
   */
  via(line: Rec, role: CreditRole, share: Dec, taken?: readonly CreditVia[]): CreditVia | undefined {
    if (role === 'owner') return undefined;
    // A line of a real record's hypothetical view came through a hypothetical split row or account,
    // a line of a real record through real ones; a hypothetical record's, through either.
    const real = viewedRecord(line);
    const rec = real ?? line;
    const hyp = real ? true : rec.hyp ? undefined : false;
    for (const r of this.c.recipients) {
      if (r.share !== share && !r.share.eq(share)) continue;
      const via = this.reach(r, rec);
      if (!via || this.role !== role || taken?.includes(via)) continue;
      if (hyp === undefined || this.hypothetical.has(via) === hyp) return via;
    }
    const split = this.c.split;
    if (role !== 'split' || !split || rec.key === undefined) return undefined;
    // Crediting's index of the split rows (by payee, then row): this payee's rows in row order.
    for (const row of splitRows(this.run, split).get(rec.key) ?? NO_RECORDS) {
      const part = row.v[split.share] as Dec;
      if (row.v[split.payee] !== this.payee || (part !== share && !part.eq(share))) continue;
      if (hyp !== undefined && row.hyp !== hyp) continue;
      let via = this.rows.get(row);
      if (!via) {
        via = { split: recordRef(row) };
        this.rows.set(row, via);
      }
      if (!taken?.includes(via)) return via;
    }
    return undefined;
  }

  /** The paths of the lines of a record that credits the payee several times, in crediting's order. */
  vias(rec: Rec, lines: readonly LineKey[]): (CreditVia | undefined)[] {
    const taken: CreditVia[] = [];
    return lines.map((line) => {
      const via = this.via(rec, line.role, line.share, taken);
      if (via) taken.push(via);
      return via;
    });
  }

  /** The path of `r` from what it depends on, made once. */
  private remembered(r: CompiledRecipient, key: string, make: () => CreditVia | null): CreditVia | null {
    let paths = this.memo.get(r);
    if (!paths) {
      paths = new Map();
      this.memo.set(r, paths);
    }
    let via = paths.get(key);
    if (via === undefined) {
      via = make();
      paths.set(key, via);
    }
    return via;
  }

  /** How `r` reaches the payee for `rec` (its role in {@link role}), or `null` when it does not. */
  private reach(r: CompiledRecipient, rec: Rec): CreditVia | null {
    const fields = this.c.schema.fields;
    switch (r.kind) {
      case 'field': {
        if (rec.v[r.field] !== this.payee) return null;
        this.role = recipientRole(r);
        return this.remembered(r, '', () => ({ field: fields[r.field]?.name ?? '' }));
      }
      case 'territory': {
        const value = rec.v[r.account];
        if (value === null || value === undefined || rec.day === undefined) return null;
        const account = String(value);
        const day = rec.day;
        const via = this.remembered(r, account, () => {
          const found = this.run.territories().territoryOf(account, day);
          if (!found) return null;
          const via = { field: fields[r.account]?.name ?? '', account, territory: found.territory };
          if (found.hyp) this.hypothetical.add(via);
          return via;
        });
        const cover = via && this.coverOn(via.territory as string, rec.day);
        if (!cover) return null;
        this.role = recipientRole(r, cover);
        return via;
      }
      case 'managers': {
        const start = rec.v[r.of];
        if (typeof start !== 'string') return null;
        this.role = recipientRole(r);
        // Managers may change by day (`attributeChanges`): the chain is the one on the record's day.
        const day = managersByDay(this.run) ? rec.day : undefined;
        return this.remembered(r, day === undefined ? start : `${start}\u0000${day}`, () => {
          const level = this.levelAbove(start, day, r.levels);
          return level === undefined ? null : { field: fields[r.of]?.name ?? '', of: start, level };
        });
      }
    }
  }

  /** The payee's role on a territory on a day, `null` when they do not cover it then. */
  private coverOn(territory: string, day: number): 'primary' | 'overlay' | null {
    let days = this.covers.get(territory);
    if (!days) {
      days = new Map();
      this.covers.set(territory, days);
    }
    let role = days.get(day);
    if (role === undefined) {
      const cover = this.run
        .territories()
        .payeesOn(territory, day)
        .find((p) => p.payee === this.payee);
      role = cover ? cover.role : null;
      days.set(day, role);
    }
    return role;
  }

  /**
   * How many levels above `start` the payee is on `day` (1: their manager), within `levels`; `undefined`
   * when they are not. Read from crediting's own chain of managers ({@link managersOf}), so the
   * two cannot disagree: crediting credits no manager of a payee in or below a cycle, and such a
   * path matches no line.
   */
  private levelAbove(start: string, day: number | undefined, levels: number): number | undefined {
    const managers = managersOf(this.run, start, day).managers;
    const at = managers ? managers.indexOf(this.payee) : -1;
    return at >= 0 && at < levels ? at + 1 : undefined;
  }
}
