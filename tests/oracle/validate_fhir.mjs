// Validates FHIR R4 Bundles against the official FHIR R4 JSON schema (../shared/data/
// fhir-r4-schema/fhir.schema.json) with ajv, an implementation independent of oncnav: the
// committed examples/fhir/*.json and every *.json / *.ndjson file under the directories given
// on the command line (scripts/test.sh passes the examples exported by the C++ writer and a
// synthetic cohort from `oncnav synth --output-format fhir`). Each resource is also checked
// against its own definition, so a failure names the resource and the element.
// The schema checks structure only (datatypes, cardinality of a few fields, unknown
// properties), not profiles, invariants or terminology.
import Ajv from "ajv";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const schemaPath = join(root, "../shared/data/fhir-r4-schema/fhir.schema.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
// The R4 schema is draft-06 but still names itself with "id" and carries an OpenAPI
// "discriminator"; ajv 8 wants "$id" and has no use for the discriminator.
schema.$id = schema.id;
delete schema.id;
delete schema.discriminator;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(draft6);
ajv.addSchema(schema, "fhir");
const bundleValidator = ajv.getSchema("fhir#/definitions/Bundle");
const byType = new Map();
function validatorFor(type) {
  if (!byType.has(type)) byType.set(type, ajv.getSchema(`fhir#/definitions/${type}`) ?? null);
  return byType.get(type);
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".json") || name.endsWith(".ndjson")) yield path;
  }
}

let checked = 0, failed = 0, resources = 0;
// Each resource is validated against its own definition (fast, and the error names it); the
// Bundle itself is then validated with every resource replaced by a minimal one, which checks
// the Bundle's own elements without running each resource through the 145-way oneOf again.
function check(label, bundle) {
  checked++;
  const problems = [];
  if (bundle?.resourceType !== "Bundle") problems.push("not a Bundle");
  const entries = Array.isArray(bundle?.entry) ? bundle.entry : [];
  for (const [i, entry] of entries.entries()) {
    const type = entry?.resource?.resourceType;
    const validate = validatorFor(type);
    if (!validate) { problems.push(`entry[${i}]: unknown resourceType ${type}`); continue; }
    if (!validate(entry.resource)) {
      for (const e of validate.errors.slice(0, 5)) {
        problems.push(`entry[${i}] ${type}/${entry.resource.id}${e.instancePath} ${e.message}`);
      }
    }
  }
  const shell = { ...bundle, entry: entries.map((e) => ({ ...e, resource: { resourceType: "Basic", code: { text: "stub" } } })) };
  if (bundle?.entry === undefined) delete shell.entry;
  if (!bundleValidator(shell)) {
    for (const e of bundleValidator.errors.slice(0, 5)) problems.push(`Bundle${e.instancePath} ${e.message}`);
  }
  resources += entries.length;
  if (problems.length) {
    failed++;
    console.error(`FAIL ${label}`);
    for (const p of problems) console.error(`  ${p}`);
  }
}

const dirs = [join(root, "examples/fhir"), ...process.argv.slice(2)];
for (const dir of dirs) {
  if (!existsSync(dir)) { console.error(`no such directory: ${dir}`); process.exit(2); }
  for (const f of files(dir)) {
    const text = readFileSync(f, "utf8");
    const label = relative(process.cwd(), f);
    if (f.endsWith(".ndjson")) {
      text.split("\n").forEach((line, i) => { if (line.trim()) check(`${label}:${i + 1}`, JSON.parse(line)); });
    } else {
      check(label, JSON.parse(text));
    }
  }
}
console.log(`FHIR R4 schema: ${checked - failed} bundles passed (${resources} resources), ${failed} failed`);
process.exit(failed || checked === 0 ? 1 : 0);
