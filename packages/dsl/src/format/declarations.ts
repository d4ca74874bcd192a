/** Chooses the printer of each kind of declaration. */
import type { Declaration } from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import { printCredit } from './crediting.js';
import { printLet, printMeasure, printMetric, printQuota, printSignal } from './definitions.js';
import type { Doc } from './doc.js';
import {
  printAdjustment,
  printClawback,
  printDraw,
  printEarning,
  printGuarantee,
  printHoldback,
} from './earnings.js';
import { printPayee, printSource } from './schema.js';
import { printLookupTable, printPayCurve, printRateTable } from './tables.js';
import { printTerritories } from './territories.js';

/** Prints one declaration (without its comments, which the caller adds). */
export function printDeclaration(ctx: CommentContext, decl: Declaration): Doc {
  switch (decl.kind) {
    case 'Source':
      return printSource(ctx, decl);
    case 'Payee':
      return printPayee(ctx, decl);
    case 'Let':
      return printLet(ctx, decl);
    case 'Measure':
      return printMeasure(ctx, decl);
    case 'Quota':
      return printQuota(ctx, decl);
    case 'Credit':
      return printCredit(ctx, decl);
    case 'RateTable':
      return printRateTable(ctx, decl);
    case 'LookupTable':
      return printLookupTable(ctx, decl);
    case 'PayCurve':
      return printPayCurve(ctx, decl);
    case 'Earning':
      return printEarning(ctx, decl);
    case 'Draw':
      return printDraw(ctx, decl);
    case 'Guarantee':
      return printGuarantee(ctx, decl);
    case 'Holdback':
      return printHoldback(ctx, decl);
    case 'Clawback':
      return printClawback(ctx, decl);
    case 'Adjustment':
      return printAdjustment(ctx, decl);
    case 'Territories':
      return printTerritories(ctx, decl);
    case 'Metric':
      return printMetric(ctx, decl);
    case 'Signal':
      return printSignal(ctx, decl);
  }
}
