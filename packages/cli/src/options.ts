/**
 * The command-line options several commands share, each defined once: a command adds them in the
 * order its help lists them. Each call makes a new commander `Option`, so commands never share one.
 */
import { InvalidArgumentError, Option } from 'commander';
import { collectPeriods } from './periods.js';

/** `--data <dir>` (required): the data directory or JSON dataset file of a calculation. */
export function dataOption(): Option {
  return new Option('--data <dir>', 'data directory, or a JSON dataset file').makeOptionMandatory();
}

/** `--period <period>` (required, repeatable, comma-separated lists allowed): the periods to calculate. */
export function periodOption(
  description = 'period to calculate, e.g. 2026-Q1 or 2026-03 (repeatable)',
): Option {
  return new Option('--period <period>', description).argParser(collectPeriods).makeOptionMandatory();
}

/** `--previous <file>` (repeatable): the JSON an earlier `attain run --format json` wrote. */
export function previousOption(): Option {
  return new Option(
    '--previous <file>',
    'results of earlier periods, as attain run --format json wrote them: balances carried in (repeatable)',
  ).argParser((value: string, files: string[] | undefined) => [...(files ?? []), value]);
}

/** `--format <format>`: one of `choices`, `byDefault` when not given. */
export function formatOption(choices: readonly string[], byDefault: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(byDefault);
}

/** `--strict`: a data error fails the command instead of leaving its row out. */
export function strictOption(): Option {
  return new Option('--strict', 'fail on any data error instead of leaving bad rows out');
}

/** `--as-of <date>`: the day the command runs as of; `description` says what it is for the command. */
export function asOfOption(
  description = "the run's date (YYYY-MM-DD), the plan's `today`; default: end of the last period",
): Option {
  return new Option('--as-of <date>', description);
}

/** `--progress`: report the progress of reading and calculating on stderr. */
export function progressOption(): Option {
  return new Option('--progress', 'report progress on stderr (shown on a terminal for long runs anyway)');
}

/** An option parser for whole numbers from `min` to `max`; `what` names the option in the message. */
export function integer(min: number, max: number, what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
