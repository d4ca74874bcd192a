/**
 * Folding ranges: multi-line declarations and blocks, and runs of comments. A block whose
 * closing `}` sits on its own line folds up to the line before, so the brace stays visible.
 */
import type { Range } from '../diagnostics/diagnostic.js';
import { type Analysis, analysisOf } from './analysis.js';
import type { FoldingRange } from './types.js';

/** Foldable line ranges of the plan, sorted by start line. */
export function getFoldingRanges(text: string): FoldingRange[] {
  const analysis = analysisOf(text);
  const ranges: FoldingRange[] = [];
  const plan = analysis.file.plan;
  if (plan !== undefined) {
    addBlock(analysis, ranges, plan.range);
    for (const item of plan.items) {
      addBlock(analysis, ranges, item.range);
      if (item.kind === 'Territories')
        for (const territory of item.territories) addBlock(analysis, ranges, territory.range);
    }
  }
  addComments(analysis, ranges);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function addBlock(analysis: Analysis, ranges: FoldingRange[], range: Range): void {
  let endLine = range.end.line;
  const lineStart = analysis.index.offsetAt(endLine, 0);
  if (/^\s*\}/.test(analysis.text.slice(lineStart, range.end.offset))) endLine--;
  if (endLine > range.start.line) ranges.push({ startLine: range.start.line, endLine });
}

function addComments(analysis: Analysis, ranges: FoldingRange[]): void {
  let run: { startLine: number; endLine: number } | undefined;
  const flush = () => {
    if (run !== undefined && run.endLine > run.startLine) ranges.push({ ...run, kind: 'comment' });
    run = undefined;
  };
  for (const comment of analysis.file.comments) {
    const { start, end } = comment.range;
    if (comment.style === 'doc' || start.line !== end.line) {
      flush();
      if (end.line > start.line) ranges.push({ startLine: start.line, endLine: end.line, kind: 'comment' });
      continue;
    }
    // Line comments on consecutive lines, each alone on its line, fold together.
    const alone = analysis.text.slice(analysis.index.offsetAt(start.line, 0), start.offset).trim() === '';
    if (run !== undefined && alone && start.line === run.endLine + 1) run.endLine = start.line;
    else {
      flush();
      if (alone) run = { startLine: start.line, endLine: start.line };
    }
  }
  flush();
}
