/**
 * Completion: the keywords valid at the cursor, the names in scope (declarations, and the fields
 * of the rows being read inside credits, aggregates, signals and territories), the fields after
 * `deals.` and the attributes after `payee.` (where `payee` is a record's field, what that field
 * has), functions with their signatures, and currency codes after a number. Works on text that
 * does not parse: the context comes from the tokens.
 */
import type { IToken } from 'chevrotain';
import type { PlanSymbol } from '../bind/binding.js';
import { builtinFunction } from '../check/builtins.js';
import type { Analysis } from './analysis.js';
import { Proposals } from './completion-items.js';
import {
  blockKeywords,
  clauseKeywords,
  continuationKeywords,
  declarationKeywords,
  expressionKeywords,
  expressionStarters,
  fieldModifiers,
  followingKeywords,
  headerKeywords,
  recipientKeywords,
  typeKeywords,
  unitAfter,
} from './completion-keywords.js';
import {
  before,
  type CompletionScan,
  declarationNameToken,
  insideCommentOrText,
  isWord,
  scanBefore,
  seen,
  wordAfter,
} from './completion-scan.js';
import { completionInputs } from './completion-tokens.js';
import { typeText } from './describe.js';
import type { CompletionItem } from './types.js';

/** Completion proposals at `offset`. */
export function getCompletions(text: string, offset: number): CompletionItem[] {
  const at = Math.min(Math.max(0, Math.trunc(offset) || 0), text.length);
  const { analysis, lexed, fresh } = completionInputs(text, at);
  if (insideCommentOrText(lexed, at)) return [];
  const scan = scanBefore(lexed.tokens, at);
  return new Completer(analysis, scan, fresh).complete();
}

/** Decides what fits at the cursor and has {@link Proposals} build the items. */
class Completer {
  private readonly out: Proposals;

  constructor(
    private readonly analysis: Analysis,
    private readonly scan: CompletionScan,
    /** Whether `analysis` is of this very text (else its positions are not this text's). */
    private readonly fresh: boolean,
  ) {
    this.out = new Proposals(analysis);
  }

  complete(): CompletionItem[] {
    const { scan } = this;
    const prev = before(scan, 1);
    if (prev === undefined) {
      this.out.keywords(['plan']);
      return this.out.items;
    }
    if (prev.image === '.') this.members(before(scan, 2));
    else if (prev.tokenType.name === 'NumberLiteral') this.afterNumber(prev);
    else if (scan.blocks.length > 0) this.positionAfter(prev)?.();
    return this.out.items;
  }

  /** What to propose after the token before the cursor, when that is not a `.` or a number. */
  private positionAfter(prev: IToken): (() => void) | undefined {
    const { scan } = this;
    const decl = scan.declaration;
    const block = scan.blocks[scan.blocks.length - 1]?.owner;
    const image = prev.image;
    if (image === '{') {
      const words =
        block === 'plan' ? [...declarationKeywords, ...headerKeywords] : (blockKeywords[block ?? ''] ?? []);
      return () => this.out.keywords(words);
    }
    if (image === '}') {
      if (scan.blocks.length > 1) return () => this.out.keywords(blockKeywords[block ?? ''] ?? []);
      return () =>
        this.out.keywords([
          ...(decl === 'rate' ? ['effective'] : []),
          ...declarationKeywords,
          ...headerKeywords,
        ]);
    }
    const named = this.namedPosition(image, decl, block);
    if (named !== undefined) return named;
    const atKeyword = scan.count - 1 === scan.declarationIndex;
    const following = followingKeywords[image];
    if (following !== undefined && (atKeyword || !['rate', 'lookup', 'pay'].includes(image))) {
      return () => this.out.keywords(following);
    }
    // A new name comes after `measure`, `rate table`, `territory`...: nothing to propose.
    if (atKeyword || ((image === 'table' || image === 'curve') && scan.count - 2 === scan.declarationIndex)) {
      return undefined;
    }
    const name = declarationNameToken(scan);
    if (image === ':' && (block === 'source' || block === 'payee' || before(scan, 2) === name)) {
      return () => this.out.keywords(typeKeywords);
    }
    if (this.startsExpression(prev, block) || image === ':' || (image === 'to' && decl !== 'rounding')) {
      return () => this.expression();
    }
    if (name === prev || (prev.tokenType.name === 'Text' && before(scan, 2) === name))
      return () => this.afterName(decl);
    if (block === 'source' || block === 'payee') return () => this.out.keywords(fieldModifiers);
    if (isWord(prev) || isValueEnd(prev)) return () => this.afterComplete();
    return undefined;
  }

  /** Whether an expression starts after `prev` (`amount` is a clause keyword only at a credit clause start). */
  private startsExpression(prev: IToken, block: string | undefined): boolean {
    if (prev.image !== 'amount') return expressionStarters.has(prev.image);
    return block === 'credit' && !expressionStarters.has(before(this.scan, 2)?.image ?? '');
  }

  /** Positions where only names of one kind fit: sources after `from`, earnings after `of`... */
  private namedPosition(
    image: string,
    decl: string | undefined,
    block: string | undefined,
  ): (() => void) | undefined {
    const { scan } = this;
    const sources = () => this.out.declarations((s) => s.kind === 'source');
    const declarationSource = () =>
      this.symbolNamed(wordAfter(scan, decl === 'territory' ? 'on' : 'from', this.sourceSearchStart()));
    switch (`${image} ${decl}`) {
      case 'from credit':
      case 'on signal':
      case 'on territories':
      case 'by credit':
      case '= clawback':
        return sources;
      case 'from quota':
        return seen(scan, '=') ? undefined : () => this.out.keywords(['data']);
      case 'by territories':
        return () => this.out.keywords(['priority', 'score']);
      case 'of holdback':
        return () => this.out.declarations((s) => s.kind === 'earning');
      case 'of credit':
        return () => this.out.fields(declarationSource());
      case 'on credit':
        return () => this.out.fields(this.symbolNamed(wordAfter(scan, 'by')));
      case 'on clawback':
        return () => this.out.fields(this.symbolNamed(wordAfter(scan, '=')));
      case 'period period':
        return () => this.out.keywords(['month', 'quarter', 'half', 'year']);
    }
    if (image === 'to' && block === 'credit') {
      return () => {
        this.out.fields(declarationSource());
        this.out.keywords(['territory of', 'managers of']);
      };
    }
    if (image === 'on' && block === 'payee') return () => this.out.attributes();
    if (image === 'on' && block === 'source')
      return () => this.out.fields(this.symbolNamed(declarationNameToken(scan)));
    if (image === 'currency' || (image === '(' && before(scan, 2)?.image === 'Money'))
      return () => this.out.currencies(false);
    if (image === 'as' && block === 'territory') return () => this.out.keywords(['primary', 'overlay']);
    if (image === 'as' && block === 'credit') return () => this.out.keywords(['overlay']);
    return undefined;
  }

  private sourceSearchStart(): number {
    // Inside a territory, the source is named by the enclosing `territories on` block.
    const blocks = this.scan.blocks;
    return this.scan.declaration === 'territory'
      ? (blocks[blocks.length - 2]?.ownerIndex ?? -1)
      : this.scan.declarationIndex;
  }

  /** After a declaration's name (or label): the keyword that comes next. */
  private afterName(decl: string | undefined): void {
    const next: Record<string, readonly string[]> = {
      credit: ['from'],
      quota: ['from data'],
      rate: ['on'],
      lookup: ['by'],
      pay: ['on'],
      signal: ['info', 'warning', 'critical'],
      adjustment: ['from data'],
      territory: [],
    };
    this.out.keywords(next[decl ?? ''] ?? []);
  }

  /** After something complete: clauses of the declaration, or a new declaration. */
  private afterComplete(): void {
    const { scan } = this;
    const decl = scan.declaration ?? '';
    const block = scan.blocks[scan.blocks.length - 1]?.owner;
    if (scan.parens.length > 0) {
      this.out.keywords(continuationKeywords);
      if (this.rowSources().length > 0) this.out.keywords(['where']);
      return;
    }
    if (block !== undefined && block !== 'plan') {
      this.out.keywords(blockKeywords[block] ?? []);
      if (block === 'credit' && seen(scan, 'to')) this.out.keywords(recipientKeywords);
      this.out.keywords(continuationKeywords);
      return;
    }
    this.out.keywords(continuationKeywords);
    if (seen(scan, 'if')) this.out.keywords(['then', 'else']);
    this.out.keywords(clauseKeywords[decl] ?? []);
    this.out.keywords([...declarationKeywords, ...headerKeywords]);
  }

  private afterNumber(prev: IToken): void {
    const keyword = before(this.scan, 2)?.image ?? '';
    if (this.scan.declaration === 'rounding') {
      this.out.keywords(['decimals']);
      return;
    }
    const unit = unitAfter[keyword];
    if (unit !== undefined) this.out.keywords([unit]);
    if (keyword === 'day' || keyword === 'priority') return;
    // Right after the digits (`500|`), the code needs a space before it.
    const cursor = this.scan.word?.startOffset ?? this.scan.offset;
    this.out.currencies(prev.startOffset + prev.image.length === cursor);
  }

  /** Names, functions and expression keywords in scope at an expression position. */
  private expression(): void {
    const paren = this.scan.parens[this.scan.parens.length - 1];
    if (
      paren !== undefined &&
      this.scan.tokens[paren - 1]?.image === 'convert' &&
      before(this.scan, 1)?.image === ','
    ) {
      this.out.currencies(false);
      return;
    }
    for (const row of this.rowSources()) this.out.fields(row);
    const current = this.symbolNamed(declarationNameToken(this.scan));
    this.out.declarations((s) => s !== current && s.kind !== 'territory');
    this.out.functions();
    this.out.keywords(expressionKeywords);
  }

  /** The sources and credits whose fields are in scope, innermost first. */
  private rowSources(): PlanSymbol[] {
    const { scan } = this;
    const rows: PlanSymbol[] = [];
    for (let i = scan.parens.length - 1; i >= 0; i--) {
      const row = this.aggregateRow(scan.parens[i] as number);
      if (row !== undefined) rows.push(row);
    }
    const source = this.declarationRow();
    if (source !== undefined) rows.push(source);
    return rows;
  }

  /**
   * The source or credit whose records the current declaration's rule reads at the cursor: a
   * credit's (in its `where` and its block), a signal's (after `when`), a territory's.
   */
  private declarationRow(): PlanSymbol | undefined {
    const { scan } = this;
    const decl = scan.declaration;
    let source: PlanSymbol | undefined;
    if (decl === 'credit' && (seen(scan, 'where') || scan.blocks.length > 1))
      source = this.symbolNamed(wordAfter(scan, 'from'));
    else if (decl === 'signal' && seen(scan, 'when')) source = this.symbolNamed(wordAfter(scan, 'on'));
    else if (decl === 'territory') source = this.symbolNamed(wordAfter(scan, 'on', this.sourceSearchStart()));
    return source?.kind === 'source' || source?.kind === 'credit' ? source : undefined;
  }

  /** The row source of the aggregate whose `(` is at `paren`: its first source or credit name. */
  private aggregateRow(paren: number): PlanSymbol | undefined {
    const { scan } = this;
    const callee = scan.tokens[paren - 1]?.image ?? '';
    if (builtinFunction(callee)?.category !== 'aggregate') return undefined;
    let depth = 0;
    for (let i = paren + 1; i < scan.count; i++) {
      const token = scan.tokens[i] as IToken;
      if (token.image === '(') depth++;
      else if (token.image === ')') depth--;
      else if (depth === 0 && token.image === ',') return undefined;
      else if (isWord(token) && scan.tokens[i - 1]?.image !== '.') {
        const symbol = this.symbolNamed(token);
        if (symbol?.kind === 'source' || symbol?.kind === 'credit') return symbol;
      }
    }
    return undefined;
  }

  /** Completions after `x.`: fields of a source or credit, attributes of a payee, `period.start`. */
  private members(object: IToken | undefined): void {
    if (object === undefined) return;
    if (object.image === 'payee') {
      const field = this.payeeField();
      if (field === undefined) this.out.attributes();
      else this.membersOf(field);
      return;
    }
    if (object.image === 'period') {
      this.out.periodFields();
      return;
    }
    if (!isWord(object)) return;
    const occurrence = this.fresh ? this.analysis.occurrenceAt(object.startOffset) : undefined;
    const resolved =
      occurrence?.name.range.start.offset === object.startOffset ? occurrence.symbol : undefined;
    this.membersOf(resolved ?? this.rowField(object.image) ?? this.symbolNamed(object));
  }

  /** What may follow `x.` when `x` denotes `symbol`: its fields, or a payee's attributes. */
  private membersOf(symbol: PlanSymbol | undefined): void {
    if (symbol === undefined) return;
    if (symbol.kind === 'source' || symbol.kind === 'credit') this.out.fields(symbol);
    else if (typeText(this.analysis, symbol) === 'Payee') this.out.attributes();
  }

  /**
   * The record's field that `payee` names at the cursor, as the binder resolves it: in a credit's or
   * a territory's rules, which have no current payee, `payee` is the source's field `payee` when it
   * has one; elsewhere, and inside an aggregate over other records, it is the current payee
   * (undefined). Read from the tokens, so a cached analysis of an older text gives the same answer.
   */
  private payeeField(): PlanSymbol | undefined {
    const { scan } = this;
    if (scan.declaration !== 'credit' && scan.declaration !== 'territory') return undefined;
    if (scan.parens.some((paren) => this.aggregateRow(paren) !== undefined)) return undefined;
    // Both rules read a source (`from`, `territories on`): a credit named there is AT2008, no rows.
    const source = this.declarationRow();
    return source?.kind === 'source' ? this.analysis.binding.fieldsOf(source)?.get('payee') : undefined;
  }

  /** The field of that name among the rows in scope, innermost first. */
  private rowField(name: string): PlanSymbol | undefined {
    for (const row of this.rowSources()) {
      const field = this.analysis.binding.fieldsOf(row)?.get(name);
      if (field !== undefined) return field;
    }
    return undefined;
  }

  /** The top-level symbol a name token denotes, if any. */
  private symbolNamed(token: IToken | undefined): PlanSymbol | undefined {
    return token === undefined ? undefined : this.analysis.binding.declarations.get(token.image)?.[0];
  }
}

/** Tokens that end a value: literals, `)`, `]`. */
const isValueEnd = (token: IToken): boolean =>
  token.image === ')' || token.image === ']' || /Literal$|^Text$/.test(token.tokenType.name);
