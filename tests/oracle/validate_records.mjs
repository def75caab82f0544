// Validates every native patient record the project ships (examples and vignette patients)
// against schemas/patient-record.schema.json with ajv, an implementation independent of the
// C++ reader, so the schema and the reader cannot drift apart unnoticed.
// Bad-input vignettes are expected to break either the schema or the reader's checks.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, "schemas/patient-record.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function* jsonFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith(".json")) yield path;
  }
}

let checked = 0, failed = 0;
function check(label, record) {
  if (record?.format !== "oncnav-patient") return;  // FHIR bundles are checked elsewhere
  checked++;
  if (!validate(record)) {
    failed++;
    console.error(`FAIL ${label}`);
    for (const e of validate.errors) console.error(`  ${e.instancePath || "/"} ${e.message}`);
  }
}

for (const f of jsonFiles(join(root, "examples/native"))) {
  check(relative(root, f), JSON.parse(readFileSync(f, "utf8")));
}
for (const f of jsonFiles(join(root, "tests/vignettes"))) {
  const v = JSON.parse(readFileSync(f, "utf8"));
  if (v.patient) check(relative(root, f), v.patient);
}
// Directories given on the command line: every record of their .json and .ndjson files
// (scripts/test.sh passes a synthetic cohort from `oncnav synth`).
for (const dir of process.argv.slice(2)) {
  for (const f of jsonFiles(dir)) check(relative(root, f), JSON.parse(readFileSync(f, "utf8")));
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".ndjson")) continue;
    readFileSync(join(dir, name), "utf8").split("\n").forEach((line, i) => {
      if (line.trim()) check(`${name}:${i + 1}`, JSON.parse(line));
    });
  }
}
console.log(`${checked - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
