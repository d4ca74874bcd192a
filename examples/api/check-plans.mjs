/**
 * A CI check of plan files through the API: every `.attain` file under the folders given (the
 * repository's examples by default) is compiled, each diagnostic printed as
 * `file:line:column: severity code: message` (1-based, as editors and CI logs link them), and the
 * exit code is 1 when a plan has an error. `attain check` does the same from the shell; this is
 * the shape for a host that wants the diagnostics as data (to annotate a pull request, say).
 *
 *   pnpm build && node examples/api/check-plans.mjs [folder ...]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@attain/dsl';

const folders = process.argv.slice(2);
if (folders.length === 0) folders.push(fileURLToPath(new URL('..', import.meta.url)));

const files = [];
for (const folder of folders) {
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.attain')) files.push(join(entry.parentPath, entry.name));
  }
}
files.sort();

let errors = 0;
let warnings = 0;
for (const file of files) {
  const { diagnostics } = compile(await readFile(file, 'utf8'), { uri: file });
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    const at = `${relative(process.cwd(), file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    console.log(`${at}: ${d.severity} ${d.code}: ${d.message}`);
  }
}
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
console.log(
  `Checked ${count(files.length, 'plan')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
);
process.exitCode = errors > 0 ? 1 : 0;
