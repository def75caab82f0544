// Material for the CDS Hooks load runs of bench/load/run.sh (Node's own crypto, no packages):
//   node cds_load.mjs key DIR                  -> DIR/client.pem (public) and DIR/client.key
//   node cds_load.mjs tokens DIR AUD COUNT     -> DIR/tokens.txt, COUNT ES384 JWTs for AUD,
//                                                each with its own jti (the server refuses replays)
//   node cds_load.mjs body DIR BUNDLE          -> DIR/patient-view.json, a patient-view request
//                                                whose prefetch is cut from a FHIR Bundle
import { generateKeyPairSync, createPrivateKey, sign, randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ISSUER = "https://bench-ehr.example.org/";
export const KID = "bench-key-1";
const [mode, dir, ...rest] = process.argv.slice(2);
const b64url = (buf) => Buffer.from(buf).toString("base64url");

if (mode === "key") {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-384" });
  writeFileSync(join(dir, "client.pem"), publicKey.export({ type: "spki", format: "pem" }));
  writeFileSync(join(dir, "client.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
} else if (mode === "tokens") {
  const [aud, count] = rest;
  const key = createPrivateKey(readFileSync(join(dir, "client.key")));
  const header = b64url(JSON.stringify({ alg: "ES384", typ: "JWT", kid: KID }));
  const now = Math.floor(Date.now() / 1000);
  const lines = [];
  for (let i = 0; i < Number(count); i++) {
    const claims = { iss: ISSUER, aud, exp: now + 3600, iat: now, jti: randomUUID() };
    const signed = `${header}.${b64url(JSON.stringify(claims))}`;
    const sig = sign("sha384", Buffer.from(signed), { key, dsaEncoding: "ieee-p1363" });
    lines.push(`${signed}.${b64url(sig)}`);
  }
  writeFileSync(join(dir, "tokens.txt"), lines.join("\n") + "\n");
} else if (mode === "body") {
  const bundle = JSON.parse(readFileSync(rest[0], "utf8"));
  const keys = {
    Condition: "conditions", Observation: "observations", MedicationRequest: "medicationRequests",
    AdverseEvent: "adverseEvents", Procedure: "procedures", Specimen: "specimens",
    BodyStructure: "bodyStructures",
  };
  const prefetch = {};
  for (const key of Object.values(keys)) prefetch[key] = { resourceType: "Bundle", type: "searchset", entry: [] };
  for (const { resource } of bundle.entry) {
    if (resource.resourceType === "Patient") prefetch.patient = resource;
    else if (keys[resource.resourceType]) prefetch[keys[resource.resourceType]].entry.push({ resource });
  }
  const request = {
    hook: "patient-view",
    hookInstance: randomUUID(),
    context: { userId: "Practitioner/bench", patientId: prefetch.patient.id },
    prefetch,
  };
  writeFileSync(join(dir, "patient-view.json"), JSON.stringify(request));
} else {
  console.error("usage: node cds_load.mjs key|tokens|body DIR ...");
  process.exit(2);
}
