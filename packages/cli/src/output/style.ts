/**
 * Terminal colours. Colour is used only on an interactive terminal and only when `NO_COLOR` is
 * not set (https://no-color.org: an empty value counts as not set).
 */
import type { Io, Writer } from '../io.js';

/** Wraps text in ANSI colours, or leaves it as it is when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain = (text: string): string => text;

/** A style that colours when `enabled` is true. */
export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    return { enabled, bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  }
  return {
    enabled,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
  };
}

/** Whether output to `writer` may be coloured: it is a terminal and `NO_COLOR` is not set. */
export function colourAllowed(writer: Writer, env: Io['env']): boolean {
  return writer.isTTY === true && !env?.NO_COLOR;
}
