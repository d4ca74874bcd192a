/**
 * Turns the paths on a command line into the list of plan files to process: files as given,
 * directories as every `*.attain` file below them in sorted order.
 */
import { join, resolve } from 'node:path';
import { compareText } from '@attain/engine';
import { describeIoError, type Io } from './io.js';

/** The file extension of plan files. */
export const planExtension = '.attain';

/** A plan file to process. */
export interface PlanPath {
  /** The path as shown to the user: as typed, or joined below a typed directory. */
  display: string;
  /** The path used for reading and writing. */
  absolute: string;
}

/** The plan files found, and a message for each path that could not be used. */
export interface PlanSearch {
  plans: PlanPath[];
  problems: string[];
}

/** Directories never searched: dependencies and hidden folders (`.git`, caches). */
function skipped(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

async function walk(io: Io, absolute: string, display: string, found: PlanPath[]): Promise<void> {
  const entries = await io.readDir(absolute);
  // Code-unit order, not locale order, so the output is the same on every machine.
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    const childAbsolute = join(absolute, entry.name);
    const childDisplay = join(display, entry.name);
    if (entry.directory) {
      if (!skipped(entry.name)) await walk(io, childAbsolute, childDisplay, found);
    } else if (entry.name.endsWith(planExtension)) {
      found.push({ display: childDisplay, absolute: childAbsolute });
    }
  }
}

/**
 * Expands command-line paths into plan files. A file named explicitly is used whatever its
 * extension; a directory contributes every `*.attain` file below it (skipping `node_modules` and
 * hidden folders). A file reached twice is listed once.
 */
export async function findPlans(paths: readonly string[], io: Io): Promise<PlanSearch> {
  const plans: PlanPath[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (plan: PlanPath): void => {
    if (seen.has(plan.absolute)) return;
    seen.add(plan.absolute);
    plans.push(plan);
  };
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    const kind = await io.pathKind(absolute);
    if (kind === 'missing') {
      problems.push(`cannot read ${path}: no such file or directory`);
    } else if (kind === 'file') {
      add({ display: path, absolute });
    } else {
      const found: PlanPath[] = [];
      try {
        await walk(io, absolute, path, found);
      } catch (error) {
        problems.push(`cannot read ${path}: ${describeIoError(error)}`);
        continue;
      }
      if (found.length === 0) problems.push(`no ${planExtension} files found in ${path}`);
      for (const plan of found) add(plan);
    }
  }
  return { plans, problems };
}
