/** The version of the `attain` command, kept equal to packages/cli/package.json (a test checks). */
export const version = '0.1.0';
