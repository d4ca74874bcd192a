/**
 * The documentation site: `pnpm docs:dev` serves it with live reload, `pnpm docs:build` writes it
 * to docs/.vitepress/dist (and fails on a link to a page or heading that does not exist).
 * Plan text in ```attain blocks is highlighted with the language's own TextMate grammar.
 */
import { textMateGrammar } from '@attain/dsl';
import { defineConfig } from 'vitepress';

const reference = [
  { text: 'Language', link: '/reference/language' },
  { text: 'Grammar', link: '/reference/grammar' },
  { text: 'Diagnostics', link: '/reference/diagnostics' },
  { text: 'Engine', link: '/reference/engine' },
  { text: 'Running plans: attain run', link: '/reference/run' },
  { text: 'Explaining statements: attain explain', link: '/reference/explain' },
  { text: 'Command line', link: '/reference/cli' },
  { text: 'API', link: '/reference/api' },
];
const planning = [
  { text: 'Territory planning', link: '/reference/territories' },
  { text: 'Quota planning', link: '/reference/quotas' },
  { text: 'Plan scenarios', link: '/reference/compare' },
  { text: 'Performance tracking', link: '/reference/metrics' },
  { text: 'Governance', link: '/reference/governance' },
];

export default defineConfig({
  title: 'Attain',
  description:
    'An open-source TypeScript SDK for sales performance management: plans as checked text, exact payouts that explain themselves.',
  cleanUrls: true,
  markdown: {
    languages: [textMateGrammar as unknown as never],
  },
  // Links that leave docs/ name files of the repository (an example plan, the benchmark): they
  // work where the docs are read in the repository; the site has no page for them.
  ignoreDeadLinks: [/^(\.\/)?\.\.\/\.\.\//],
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/language-tour' },
      { text: 'Reference', link: '/reference/language' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Language tour', link: '/guide/language-tour' },
          { text: 'Calling Attain from Node', link: '/guide/node' },
        ],
      },
      { text: 'Reference', items: reference },
      { text: 'Planning and tracking', items: planning },
    ],
    outline: [2, 3],
    search: { provider: 'local' },
  },
});
