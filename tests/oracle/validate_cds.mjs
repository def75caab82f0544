// Validates CDS Hooks documents against the JSON Schemas oncnav wrote from the CDS Hooks
// specification (schemas/cds-hooks/*.schema.json) with ajv, an implementation independent of
// oncnav. First the specification's own examples (../shared/data/cds-hooks/examples) must be
// accepted or rejected as the specification's text requires, and a few hand-made violations
// must be rejected (so the schemas cannot pass everything); then every document the C++ unit
// tests wrote under <dir>/responses and <dir>/discovery (scripts/test.sh passes
// build/test/tests/output/cds-hooks) must validate.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const examples = join(root, "../shared/data/cds-hooks/examples");
const load = (path) => JSON.parse(readFileSync(path, "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(load(join(root, "schemas/cds-hooks/response.schema.json")), "response");
ajv.addSchema(load(join(root, "schemas/cds-hooks/discovery.schema.json")), "discovery");
const validator = (ref) => ajv.getSchema(ref);

let failed = 0, checked = 0;
function expect(label, ref, doc, valid, why = "") {
  checked++;
  const v = validator(ref);
  const ok = v(doc);
  if (ok !== valid) {
    failed++;
    console.error(`FAIL ${label}: expected ${valid ? "valid" : "invalid"} against ${ref}${why ? ` (${why})` : ""}`);
    if (!ok) console.error(JSON.stringify(v.errors, null, 1));
  }
}
const example = (name) => load(join(examples, name));

// The specification's examples. current.18 shows a card without `indicator`, which the Card
// table marks REQUIRED, so the schema rejects it. current.16 shows a system action without `description`,
// which the Action table marks REQUIRED and systemActions "follow the schema of a card-based
// suggestion.action": the example contradicts the normative table, so the schema rejects it.
expect("current.10", "response", example("current.10.http-response.json"), true);
expect("current.17", "response", example("current.17.example.json"), true);
expect("current.18", "response", example("current.18.example.json"), false,
       "card without the REQUIRED indicator");
expect("current.16", "response", example("current.16.system-action.json"), false,
       "system action without the REQUIRED description");
expect("current.01", "discovery", example("current.01.discovery-example.json"), true);
expect("current.24", "discovery", example("current.24.extensions.json"), true);
expect("current.11", "response#/definitions/source", example("current.11.source.json").source, true);
for (const n of ["12", "13", "14"]) {
  const file = readdirSync(examples).find((f) => f.startsWith(`current.${n}.`));
  expect(file, "response#/definitions/action", load(join(examples, file)), true);
}
for (const reason of example("current.15.reasons-for-rejecting-a-card.json").overrideReasons) {
  expect("current.15", "response#/definitions/overrideReason", reason, true);
}

// Violations the schema must catch.
const card = { summary: "ok", indicator: "info", source: { label: "oncnav" } };
expect("minimal card", "response", { cards: [card] }, true);
expect("summary of 140 characters", "response", { cards: [{ ...card, summary: "x".repeat(140) }] }, false);
expect("139 CJK characters", "response", { cards: [{ ...card, summary: "骨".repeat(139) }] }, true);
expect("null detail", "response", { cards: [{ ...card, detail: null }] }, false);
expect("empty links", "response", { cards: [{ ...card, links: [] }] }, false);
expect("bad indicator", "response", { cards: [{ ...card, indicator: "hard-stop" }] }, false);
expect("no source label", "response", { cards: [{ ...card, source: {} }] }, false);
expect("suggestions without selectionBehavior", "response",
       { cards: [{ ...card, suggestions: [{ label: "x" }] }] }, false);
expect("create without resource", "response#/definitions/action", { type: "create", description: "x" }, false);
expect("no cards", "response", {}, false);
expect("bad prefetch token", "discovery",
       { services: [{ hook: "patient-view", description: "d", id: "x", prefetch: { p: "Patient/{{patientId}}" } }] }, false);

// What the C++ tests wrote.
const outDir = process.argv[2];
const counts = { responses: 0, discovery: 0 };
if (outDir) {
  for (const kind of ["responses", "discovery"]) {
    const dir = join(outDir, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      counts[kind]++;
      expect(`${kind}/${name}`, kind === "responses" ? "response" : "discovery", load(join(dir, name)), true);
    }
  }
  if (counts.responses === 0 || counts.discovery === 0) {
    failed++;
    console.error(`FAIL no oncnav documents found under ${outDir} (run the unit tests first)`);
  }
}
console.log(`cds-hooks: ${checked} documents checked (${counts.responses} oncnav responses, ` +
            `${counts.discovery} discovery documents), ${failed} failed`);
process.exit(failed ? 1 : 0);
