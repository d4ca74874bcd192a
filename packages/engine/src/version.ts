/** The engine's name and version, recorded in every result for audits. */
export const ENGINE = { name: '@attain/engine', version: '0.1.0' } as const;
