/**
 * After `vitepress build`: every link between pages of the built site must reach a page that
 * exists and, when it names a heading (`./engine#data-errors`), a heading of that page.
 * VitePress checks pages only; a renamed heading left its links pointing nowhere. Prints each
 * broken link with the page it is on and exits 1 when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');

/** The built pages by their path in the site (`reference/engine`), with the ids each holds. */
function pages(dir, into = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pages(path, into);
    else if (entry.name.endsWith('.html')) {
      const html = readFileSync(path, 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeURIComponent(m[1])));
      const links = [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
      into.set(
        relative(dist, path)
          .replaceAll('\\', '/')
          .replace(/\.html$/, ''),
        { ids, links },
      );
    }
  }
  return into;
}

const site = pages(dist);
const broken = [];
for (const [page, { links }] of site) {
  for (const link of links) {
    // Other sites, and files that are not pages (style sheets, scripts, images).
    if (/^[a-z]+:|^\/\//i.test(link) || /\.(?!html\b)[a-z0-9]+(?:[?#]|$)/i.test(link.split('#')[0] ?? ''))
      continue;
    const [path, hash] = link.split('#');
    let target = page;
    if (path !== '') {
      const from = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(page), path);
      target = posix
        .normalize(from)
        .replace(/\.html$/, '')
        .replace(/\/$/, '/index');
      if (target === '' || target === '.') target = 'index';
    }
    const found = site.get(target);
    if (!found) {
      // Files of the repository outside docs/ are let through by the config (ignoreDeadLinks).
      if (!/^(\.\/)?\.\.\//.test(path)) broken.push(`${page}: ${link} (no page ${target})`);
      continue;
    }
    if (hash && !found.ids.has(decodeURIComponent(hash)))
      broken.push(`${page}: ${link} (no heading #${hash})`);
  }
}
for (const line of broken) console.error(`broken link: ${line}`);
if (broken.length > 0) process.exitCode = 1;
else console.log(`links checked: ${site.size} pages, every link between them reaches its page and heading`);
