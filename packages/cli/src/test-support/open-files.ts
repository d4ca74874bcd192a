/** Test helper: the files this process has open, to check that temporary files are closed. */
import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';

/** An open file: its path (`… (deleted)` once unlinked), size and permission bits. */
export interface OpenFile {
  path: string;
  size: number;
  mode: number;
}

/** True where the open files can be listed (Linux: /proc/self/fd). */
export const canListOpenFiles = existsSync('/proc/self/fd');

/** The files this process has open, unlinked ones too. */
export function openFiles(): OpenFile[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const path = readlinkSync(`/proc/self/fd/${fd}`);
      const info = statSync(`/proc/self/fd/${fd}`);
      return [{ path, size: info.size, mode: info.mode & 0o777 }];
    } catch {
      return [];
    }
  });
}
