import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The published JSON Schema of the report, compiled once. */
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateFn = ajv.compile(schema);

/** Null when the report matches the schema, else the first few problems in one sentence. */
export function schemaErrors(report: unknown): string | null {
  if (validateFn(report)) return null;
  return (validateFn.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}`)
    .join('; ');
}
