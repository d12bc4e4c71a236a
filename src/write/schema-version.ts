/**
 * The report JSON's version, in a module of its own: `baocao --version` and `baocao restore` print
 * or need nothing else of the report's code (src/write/report.ts pulls in the checks and their
 * lexicons, some 110 KB of the bundle that every command would otherwise load).
 */

/** Bump on any change to the shape of the report JSON (and update schema/report.schema.json). */
export const SCHEMA_VERSION = '1.6.0';
