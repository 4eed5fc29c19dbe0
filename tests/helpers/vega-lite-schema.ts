// A validator for Vega-Lite's own JSON schema (shipped in the vega-lite package), compiled once per process.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let validate: ValidateFunction | undefined;

export function vegaLiteValidator(): ValidateFunction {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync("node_modules/vega-lite/build/vega-lite-schema.json", "utf8"));
  validate = addFormats(new Ajv({ strict: false, allowUnionTypes: true })).compile(schema);
  return validate;
}
