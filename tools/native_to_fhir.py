#!/usr/bin/env python3
"""Convert a native oncnav patient record into a FHIR R4 collection Bundle (HL7 mCODE STU4).

DEVELOPER TOOL. It produced the committed examples in examples/fhir/ from examples/native/;
oncnav does not use it at run time and CI does not run it. Python 3, standard library only.

    tools/native_to_fhir.py examples/native/X.json -o examples/fhir/X.json
    tools/native_to_fhir.py IN.json -o OUT.json --per-cycle fulvestrant --per-cycle T-DXd

The codes are exactly those oncnav's importer reads (docs/fhir-mapping.md,
knowledge/breast/codes.json, knowledge/breast/labs.json, knowledge/breast/drugs.json), so that
importing the Bundle gives back the native record as far as FHIR can carry it.

How each native section is written
  patient            Patient (mcode-cancer-patient): id, gender, birthDate.
                     weight_kg / height_cm -> body weight 29463-7 / height 8302-2 Observations,
                     dated with the latest date in the record (the native fields are undated).
  primary            Condition (mcode-primary-cancer-condition): SNOMED 353431000119107 (left)
                     or 254837009, bodySite with the mcode-laterality-qualifier extension,
                     histology extension (SNOMED 82711006 for ductal / no special type, otherwise
                     text only), stage.summary text "AJCC stage <stage>".
  metastases         Condition (mcode-secondary-cancer-condition), ICD-10-CM C79.51, C78.00,
                     C78.7, C79.31, C78.2, C78.6, C79.2, C79.52, C79.9; evidence 363679005
                     (imaging), 5880005 (clinical) or text "Biopsy".
  pathology          one Specimen (mcode-human-specimen) per entry (collection.bodySite text
                     "breast (primary tumour)" or "<site> (metastasis)") and one TumorMarkerTest
                     Observation per result, all referencing it, with the extension
                     mcode-related-condition naming the PrimaryCancerCondition (primary
                     specimen) or the SecondaryCancerCondition of the site (metastatic
                     specimen; none for other kinds): ER % 85329-1, PgR % 85325-9,
                     ER/PgR status 85337-4/85339-0, HER2 IHC 85319-2 (LA6111-4, LA11841-6,
                     LA11842-4, LA11843-2), HER2 call 48676-1, ISH ratio 49683-6, copies 74860-8,
                     Ki-67 85330-9.
  pdl1               22C3 -> 83052-1, SP142 -> 83057-0; the scale (CPS/IC/TPS/TC) in the unit.
  germline/variants  mcode-genomic-variant 69548-6 with gene 48018-6, protein HGVS 48005-3,
                     genomic source 48002-0 (LA6683-2 germline / LA6684-0 somatic), value
                     LA9633-4 Present / LA9634-2 Absent.
  regimens           one MedicationRequest (mcode-cancer-related-medication-request) per drug
                     with dosageInstruction.timing.repeat.boundsPeriod = start/stop, status
                     active/completed/stopped, statusReason 266721009 / 407563006 / 105480006,
                     procedure-intent palliative (metastatic), curative, or supportive for
                     bone-modifying agents. With --per-cycle DRUG
                     also one MedicationAdministration per cycle of that drug (CYCLE_DAYS).
                     Drugs are coded by RxNorm only for the ingredient codes interop.md confirms
                     (doxorubicin 3639, cyclophosphamide 3002, paclitaxel 56946); the other
                     RxNorm codes in drugs.json are strength-specific products (e.g. denosumab
                     60 mg, the osteoporosis dose), so those drugs are sent as text (the INN).
  procedures         Procedure: surgery 392021009 (lumpectomy) or 69031006 (excision of breast
                     tissue), radiotherapy 1217123003; biopsy and dental examination as text.
  imaging            per lesion per scan one TumorSize Observation (mcode-tumor-size, 21889-1,
                     longest dimension 33728-7 in mm, method CT/MRI/PET by SNOMED or text,
                     focus -> a Tumor BodyStructure per lesion id, bodySite text = organ).
  tumor_markers      CA 15-3 6875-9, CA 27.29 17842-6, CEA 2039-6.
  labs               the first LOINC of the test in knowledge/breast/labs.json, UCUM unit as given.
  performance        ECOG 89247-1 / Karnofsky 89243-0 (valueInteger).
  adverse_events     AdverseEvent: event.text = term, grade in a project extension
                     (GRADE_URL; the importer takes any extension whose url contains "grade"),
                     suspectEntity.instance.display = the drug.

What FHIR (as oncnav imports it) cannot carry; these are left out or lost:
  - menopausal_status (no code in the shared mCODE material), goals (no mCODE profile).
  - specimen kind plasma/blood and the finer site of a metastatic specimen ("bone (iliac
    crest)" imports as the condition's site, bone). her2_membrane_staining (HER2-ultralow vs 0)
    has no LOINC code in the shared material, so IHC 0 cannot be told from HER2-ultralow.
    A single-probe ISH result imports without its probe.
  - distant_lymph_node: written as ICD-10-CM C77.9; the importer reports C77 and drops it
    (regional vs distant unknown). Metastasis site "other" is C79.9.
  - imaging: baseline flags, target/non-target roles, non-target status, new/equivocal,
    previously_irradiated, bone_type, soft_tissue_mm, too_small_to_measure, nodal,
    slice_thickness. A lesion without a measured diameter cannot be a TumorSize Observation and
    is left out (a disappeared lesion without a diameter is written as 0 mm). A RECIST
    response category has no mCODE profile, so best_response is not written either.
  - variants: sample (tissue/plasma) and assay are written (method text) but not imported.
  - PD-L1 assays other than 22C3 and SP142 (no LOINC code in codes.json): left out.
  - regimen ids and the regimen boundaries themselves: the importer regroups drug exposures by
    date (FHIR-REGIMEN-GROUP) and derives the setting (FHIR-REGIMEN-SETTING). A drug given in
    two consecutive native regimens (anastrozole + ribociclib, then anastrozole + palbociclib)
    is written as two MedicationRequests; the importer joins them into one exposure and splits
    the regimens where the partner changes.
  - procedure site is written as bodySite text; lab/marker values keep their original units.
"""

import argparse
import datetime
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge" / "breast"

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
HGNC = "http://www.genenames.org"
HGVS = "http://varnomen.hgvs.org"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
BASE_URL = "https://oncnav.example/fhir/"
# No CTCAE-grade extension exists in mCODE STU4 or FHIR R4 core; this project URL carries it.
GRADE_URL = "https://oncnav.example/fhir/StructureDefinition/ctcae-grade"

# RxNorm ingredient codes confirmed in interop.md B.2 (all others are product codes).
RXNORM_INGREDIENTS = {"doxorubicin": "3639", "cyclophosphamide": "3002", "paclitaxel": "56946"}

# Days between administrations for --per-cycle (day 1 of each cycle); fulvestrant adds the
# day-15 loading dose of the first month.
CYCLE_DAYS = {
    "fulvestrant": 28, "goserelin": 28, "leuprorelin": 28, "denosumab": 28,
    "zoledronic acid": 28, "pamidronate": 28, "trastuzumab": 21, "pertuzumab": 21,
    "trastuzumab deruxtecan": 21, "trastuzumab emtansine": 21, "datopotamab deruxtecan": 21,
    "docetaxel": 21, "doxorubicin": 21, "epirubicin": 21, "cyclophosphamide": 21,
    "carboplatin": 21, "cisplatin": 21, "pembrolizumab": 21, "paclitaxel": 7,
    "nab-paclitaxel": 7, "eribulin": 21, "sacituzumab govitecan": 21, "bevacizumab": 14,
}

METASTASIS_CODES = {
    "bone": ("C79.51", "Secondary malignant neoplasm of bone"),
    "bone_marrow": ("C79.52", "Secondary malignant neoplasm of bone marrow"),
    "lung": ("C78.00", "Secondary malignant neoplasm of unspecified lung"),
    "liver": ("C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"),
    "brain": ("C79.31", "Secondary malignant neoplasm of brain"),
    "pleura": ("C78.2", "Secondary malignant neoplasm of pleura"),
    "peritoneum": ("C78.6", "Secondary malignant neoplasm of retroperitoneum and peritoneum"),
    "skin": ("C79.2", "Secondary malignant neoplasm of skin"),
    "distant_lymph_node": ("C77.9",
                           "Secondary and unspecified malignant neoplasm of lymph node, unspecified"),
    "other": ("C79.9", "Secondary malignant neoplasm of unspecified site"),
}

LATERALITY = {
    "left": ("7771000", "Left (qualifier value)"),
    "right": ("24028007", "Right (qualifier value)"),
    "bilateral": ("51440002", "Right and left (qualifier value)"),
}

CONFIRMATION = {
    "imaging": {"coding": [{"system": SNOMED, "code": "363679005", "display": "Imaging (procedure)"}]},
    "clinical": {"coding": [{"system": SNOMED, "code": "5880005",
                             "display": "Physical examination procedure (procedure)"}]},
    "biopsy": {"text": "Biopsy (histology)"},
}

STOP_REASONS = {
    "progression": ("266721009", "Absent response to treatment (situation)"),
    "toxicity": ("407563006", "Treatment not tolerated (situation)"),
    "patient_choice": ("105480006", "Refusal of treatment by patient (situation)"),
}

IHC_ANSWERS = {"0": "LA6111-4", "1+": "LA11841-6", "2+": "LA11842-4", "3+": "LA11843-2"}
PRESENCE_ANSWERS = {"positive": ("LA6576-8", "Positive"), "negative": ("LA6577-6", "Negative")}

IMAGING_METHODS = {
    "CT": ("77477000", "Computerized axial tomography (procedure)"),
    "MRI": ("113091000", "Magnetic resonance imaging (procedure)"),
    "PET": ("82918005", "Positron emission tomography (procedure)"),
}

MARKERS = {
    "CA15-3": ("6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma"),
    "CA27-29": ("17842-6", "Cancer Ag 27-29 [Units/volume] in Serum or Plasma"),
    "CEA": ("2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma"),
}

HGNC_IDS = {"BRCA1": "HGNC:1100", "BRCA2": "HGNC:1101", "PALB2": "HGNC:26144",
            "PIK3CA": "HGNC:8975", "ESR1": "HGNC:3467", "AKT1": "HGNC:391",
            "PTEN": "HGNC:9588", "ERBB2": "HGNC:3430", "TP53": "HGNC:11998"}

GERMLINE_SIGNIFICANCE = {"pathogenic": "Pathogenic", "likely_pathogenic": "Likely pathogenic",
                         "vus": "Uncertain significance"}


def loinc(code, display=None):
    coding = {"system": LOINC, "code": code}
    if display:
        coding["display"] = display
    return {"coding": [coding]}


def quantity(value, unit):
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def parse_date(text):
    return datetime.date.fromisoformat(text)


def all_dates(node):
    """Every YYYY-MM-DD string in the record (for the date of undated fields)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from all_dates(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_dates(value)
    elif isinstance(node, str) and len(node) == 10 and node[4] == "-" and node[7] == "-":
        try:
            parse_date(node)
            yield node
        except ValueError:
            pass


class Converter:
    def __init__(self, record, per_cycle):
        self.record = record
        self.entries = []
        self.counters = {}
        self.patient_id = record["patient"]["id"]
        self.subject = {"reference": "Patient/" + self.patient_id}
        self.primary_ref = None
        self.metastasis_refs = {}  # site -> SecondaryCancerCondition reference
        self.specimen_conditions = {}  # Specimen reference -> the condition its tissue is from
        self.drug_names = self.load_drug_names()
        self.per_cycle = {self.inn(name) for name in per_cycle}
        self.last_date = max(all_dates(record))
        self.labs = json.loads((KNOWLEDGE / "labs.json").read_text())["tests"]
        self.tumors = {}

    # ---- helpers -------------------------------------------------------------------------

    def load_drug_names(self):
        names = {}
        self.bone_agents = set()
        for drug in json.loads((KNOWLEDGE / "drugs.json").read_text())["drugs"]:
            if "bone_modifying_agent" in drug["classes"]:
                self.bone_agents.add(drug["inn"])
            names[drug["inn"]] = drug["inn"]
            for synonym in drug.get("synonyms", []):
                names[synonym.lower()] = drug["inn"]
        return names

    def inn(self, name):
        return self.drug_names.get(name.lower(), name.lower())

    def new_id(self, prefix):
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{self.patient_id}-{prefix}-{self.counters[prefix]}"

    def add(self, resource_type, prefix, body, profile=None):
        resource = {"resourceType": resource_type, "id": self.new_id(prefix)}
        if profile:
            resource["meta"] = {"profile": [profile]}
        resource.update(body)
        self.entries.append({"fullUrl": BASE_URL + resource_type + "/" + resource["id"],
                             "resource": resource})
        return resource_type + "/" + resource["id"]

    def observation(self, prefix, code, date, value, profile=None, category="laboratory",
                    **extra):
        body = {"status": "final",
                "category": [{"coding": [{"system": OBS_CATEGORY, "code": category}]}],
                "code": code, "subject": self.subject, "effectiveDateTime": date}
        body.update(extra)
        body.update(value)
        return self.add("Observation", prefix, body, profile)

    def medication_concept(self, inn):
        if inn in RXNORM_INGREDIENTS:
            return {"coding": [{"system": RXNORM, "code": RXNORM_INGREDIENTS[inn],
                                "display": inn}], "text": inn}
        return {"text": inn}

    # ---- sections ------------------------------------------------------------------------

    def patient(self):
        p = self.record["patient"]
        body = {"id": self.patient_id}
        if p.get("sex"):
            body["gender"] = p["sex"]
        if p.get("birth_date"):
            body["birthDate"] = p["birth_date"]
        self.entries.append({"fullUrl": BASE_URL + "Patient/" + self.patient_id,
                             "resource": {"resourceType": "Patient", "id": self.patient_id,
                                          "meta": {"profile": [MCODE + "mcode-cancer-patient"]},
                                          **body}})
        if "weight_kg" in p:
            self.observation("weight", loinc("29463-7", "Body weight"), self.last_date,
                             {"valueQuantity": quantity(p["weight_kg"], "kg")},
                             "http://hl7.org/fhir/StructureDefinition/bodyweight", "vital-signs")
        if "height_cm" in p:
            self.observation("height", loinc("8302-2", "Body height"), self.last_date,
                             {"valueQuantity": quantity(p["height_cm"], "cm")},
                             "http://hl7.org/fhir/StructureDefinition/bodyheight", "vital-signs")

    def primary(self):
        primary = self.record.get("primary")
        if primary is None:
            return
        laterality = primary.get("laterality")
        if laterality == "left":
            code = {"system": SNOMED, "code": "353431000119107",
                    "display": "Primary malignant neoplasm of female left breast (disorder)"}
        else:
            code = {"system": SNOMED, "code": "254837009",
                    "display": "Malignant neoplasm of breast (disorder)"}
        body = {"clinicalStatus": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "code": "active"}]},
                "verificationStatus": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "code": "confirmed"}]},
                "category": [{"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                    "code": "problem-list-item"}]}],
                "code": {"coding": [code]}, "subject": self.subject}
        histology = primary.get("histology")
        if histology:
            concept = {"text": histology}
            if "ductal" in histology or "no special type" in histology:
                concept["coding"] = [{"system": SNOMED, "code": "82711006",
                                      "display": "Infiltrating duct carcinoma (morphologic abnormality)"}]
            body["extension"] = [{"url": MCODE + "mcode-histology-morphology-behavior",
                                  "valueCodeableConcept": concept}]
        if laterality:
            lat_code, lat_display = LATERALITY[laterality]
            body["bodySite"] = [{
                "extension": [{"url": MCODE + "mcode-laterality-qualifier",
                               "valueCodeableConcept": {"coding": [{
                                   "system": SNOMED, "code": lat_code, "display": lat_display}]}}],
                "text": f"{laterality} breast"}]
        if primary.get("diagnosis_date"):
            body["onsetDateTime"] = primary["diagnosis_date"]
        if primary.get("stage"):
            body["stage"] = [{"summary": {"text": "AJCC stage " + primary["stage"]}}]
        self.primary_ref = self.add("Condition", "primary", body,
                                    MCODE + "mcode-primary-cancer-condition")

    def metastases(self):
        for met in self.record.get("metastases", []):
            code, display = METASTASIS_CODES[met["site"]]
            body = {"clinicalStatus": {"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "code": "active"}]},
                    "verificationStatus": {"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        "code": "confirmed"}]},
                    "category": [{"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                        "code": "problem-list-item"}]}],
                    "code": {"coding": [{"system": ICD10CM, "code": code, "display": display}]},
                    "subject": self.subject}
            if self.primary_ref:
                body["extension"] = [{"url": "http://hl7.org/fhir/StructureDefinition/condition-related",
                                      "valueReference": {"reference": self.primary_ref}}]
            if met.get("date"):
                body["onsetDateTime"] = met["date"]
            if met.get("confirmed_by"):
                body["evidence"] = [{"code": [CONFIRMATION[met["confirmed_by"]]]}]
            ref = self.add("Condition", "metastasis", body,
                           MCODE + "mcode-secondary-cancer-condition")
            self.metastasis_refs.setdefault(met["site"], ref)

    def specimen_condition(self, specimen):
        """The cancer condition a specimen's tissue comes from: the primary, or the secondary
        cancer condition of the metastatic site (a site such as "bone (iliac crest)" is matched
        on its first word); None for other kinds."""
        kind = specimen["kind"]
        if kind == "primary":
            return self.primary_ref
        if kind != "metastasis":
            return None
        site = specimen.get("site", "")
        if site in self.metastasis_refs:
            return self.metastasis_refs[site]
        for known, ref in self.metastasis_refs.items():
            if site.split(" ")[0] == known:
                return ref
        return None

    def specimen(self, date, specimen):
        specimen = specimen or {"kind": "unknown"}
        kind = specimen["kind"]
        if kind == "primary":
            site = "breast (primary tumour)"
        else:
            site = specimen.get("site", kind)
            if kind == "metastasis":
                site += " (metastasis)"
        type_code = {"plasma": "PLAS", "blood": "BLD"}.get(kind, "TISS")
        ref = self.add("Specimen", "specimen", {
            "status": "available",
            "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0487",
                                 "code": type_code}]},
            "subject": self.subject,
            "collection": {"collectedDateTime": date, "bodySite": {"text": site}}},
            MCODE + "mcode-human-specimen")
        self.specimen_conditions[ref] = self.specimen_condition(specimen)
        return ref

    def marker_test(self, code, display, date, value, specimen_ref):
        extra = {"specimen": {"reference": specimen_ref}} if specimen_ref else {}
        # mcode-related-condition names the condition the tested tissue comes from: the
        # importer reads the specimen kind from it (FHIR-SPECIMEN-KIND). Serum markers (no
        # specimen) name the primary cancer.
        condition = self.specimen_conditions.get(specimen_ref) if specimen_ref else self.primary_ref
        if condition:
            extra["extension"] = [{"url": MCODE + "mcode-related-condition",
                                   "valueReference": {"reference": condition}}]
        self.observation("marker", loinc(code, display), date, value,
                         MCODE + "mcode-tumor-marker-test", **extra)

    def pathology(self):
        self.specimen_refs = {}
        for report in self.record.get("pathology", []):
            date = report["date"]
            ref = self.specimen(date, report.get("specimen"))
            self.specimen_refs[(date, json.dumps(report.get("specimen"), sort_keys=True))] = ref
            for field, code, display in (
                    ("er_percent", "85329-1", "Cells.estrogen receptor/100 cells in Breast cancer specimen by Immune stain"),
                    ("pgr_percent", "85325-9", "Cells.progesterone receptor/100 cells in Breast cancer specimen by Immune stain"),
                    ("ki67_percent", "85330-9", "Cells.Ki-67 nuclear Ag/100 cells in Breast cancer specimen by Immune stain")):
                if field in report:
                    self.marker_test(code, display, date,
                                     {"valueQuantity": quantity(report[field], "%")}, ref)
            for field, code, display in (
                    ("er_status", "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"),
                    ("pgr_status", "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"),
                    ("her2_status", "48676-1", "HER2 [Interpretation] in Tissue")):
                status = report.get(field)
                if status in PRESENCE_ANSWERS:
                    answer, text = PRESENCE_ANSWERS[status]
                    value = {"valueCodeableConcept": {"coding": [{"system": LOINC, "code": answer, "display": text}]}}
                elif status == "equivocal":
                    value = {"valueCodeableConcept": {"text": "Equivocal"}}
                else:
                    continue  # absent or "unknown": nothing was reported
                self.marker_test(code, display, date, value, ref)
            if "her2_ihc" in report:
                score = report["her2_ihc"]
                self.marker_test("85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain", date,
                                 {"valueCodeableConcept": {"coding": [{
                                     "system": LOINC, "code": IHC_ANSWERS[score], "display": score}]}}, ref)
            ish = report.get("her2_ish")
            if ish:
                if "ratio" in ish:
                    self.marker_test("49683-6", "ERBB2/CEP17 [Ratio] in Tissue by FISH", date,
                                     {"valueQuantity": quantity(ish["ratio"], "{ratio}")}, ref)
                if "copies" in ish:
                    self.marker_test("74860-8", "ERBB2 copies/nucleus in Tissue by FISH", date,
                                     {"valueQuantity": quantity(ish["copies"], "{copies}/{nucleus}")}, ref)

    def pdl1(self):
        for result in self.record.get("pdl1", []):
            code = {"22C3": "83052-1", "SP142": "83057-0"}.get(result["assay"])
            if code is None:
                continue  # no LOINC code in codes.json for this assay: not expressible
            key = (result["date"], json.dumps(result.get("specimen"), sort_keys=True))
            ref = self.specimen_refs.get(key) or self.specimen(result["date"], result.get("specimen"))
            scale = result["score_type"]
            self.marker_test(code, None, result["date"],
                             {"valueQuantity": {"value": result["score"], "unit": scale,
                                                "system": UCUM, "code": "{" + scale + "}"},
                              "method": {"text": f"PD-L1 IHC {result['assay']} ({scale})"}}, ref)

    def variant(self, date, gene, present, source, hgvs=None, significance=None, method=None):
        gene_coding = {"system": HGNC, "display": gene}
        if gene in HGNC_IDS:
            gene_coding["code"] = HGNC_IDS[gene]
        components = [{"code": loinc("48018-6"), "valueCodeableConcept": {"coding": [gene_coding]}}]
        if hgvs:
            components.append({"code": loinc("48005-3"),
                               "valueCodeableConcept": {"coding": [{"system": HGVS, "code": hgvs}]}})
        source_answer = ("LA6683-2", "Germline") if source == "germline" else ("LA6684-0", "Somatic")
        components.append({"code": loinc("48002-0"), "valueCodeableConcept": {
            "coding": [{"system": LOINC, "code": source_answer[0], "display": source_answer[1]}]}})
        if significance:
            concept = {"text": significance}
            if significance == "Uncertain significance":
                concept["coding"] = [{"system": LOINC, "code": "LA26333-7", "display": significance}]
            components.append({"code": loinc("53037-8"), "valueCodeableConcept": concept})
        answer = ("LA9633-4", "Present") if present else ("LA9634-2", "Absent")
        extra = {"component": components}
        if method:
            extra["method"] = {"text": method}
        self.observation("variant", loinc("69548-6", "Genetic variant assessment"), date,
                         {"valueCodeableConcept": {"coding": [{"system": LOINC, "code": answer[0],
                                                               "display": answer[1]}]}},
                         MCODE + "mcode-genomic-variant", **extra)

    def genomics(self):
        for test in self.record.get("germline", []):
            present = test["result"] != "negative"
            self.variant(test["date"], test["gene"], present, "germline",
                         significance=GERMLINE_SIGNIFICANCE.get(test["result"]))
        for v in self.record.get("variants", []):
            method = " ".join(x for x in (v.get("assay"), f"({v['sample']})" if v.get("sample") else None) if x)
            self.variant(v["date"], v["gene"], v.get("detected", True), "somatic",
                         hgvs=v.get("hgvs"), method=method or None)

    def regimens(self):
        for regimen in self.record.get("regimens", []):
            reason = regimen.get("stop_reason")
            if "stop" not in regimen:
                status = "active"
            elif reason == "completed":
                status = "completed"
            else:
                status = "stopped"
            reason_ref = [{"reference": self.primary_ref}] if self.primary_ref else None
            for name in regimen["drugs"]:
                inn = self.inn(name)
                if inn in self.bone_agents:
                    intent = ("399707004", "Supportive - procedure intent (qualifier value)")
                elif regimen["setting"] == "metastatic":
                    intent = ("363676003", "Palliative - procedure intent (qualifier value)")
                else:
                    intent = ("373808002", "Curative - procedure intent (qualifier value)")
                intent_ext = [{"url": MCODE + "mcode-procedure-intent",
                               "valueCodeableConcept": {"coding": [{
                                   "system": SNOMED, "code": intent[0], "display": intent[1]}]}}]
                bounds = {"start": regimen["start"]}
                if "stop" in regimen:
                    bounds["end"] = regimen["stop"]
                body = {"extension": intent_ext, "status": status, "intent": "order",
                        "medicationCodeableConcept": self.medication_concept(inn),
                        "subject": self.subject, "authoredOn": regimen["start"],
                        "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": bounds}}}]}
                if reason in STOP_REASONS:
                    code, display = STOP_REASONS[reason]
                    body["statusReason"] = {"coding": [{"system": SNOMED, "code": code, "display": display}]}
                if reason_ref:
                    body["reasonReference"] = reason_ref
                request = self.add("MedicationRequest", "medreq", body,
                                   MCODE + "mcode-cancer-related-medication-request")
                if inn in self.per_cycle:
                    self.administrations(inn, regimen, request, intent_ext, reason_ref)

    def administrations(self, inn, regimen, request, intent_ext, reason_ref):
        start = parse_date(regimen["start"])
        end = parse_date(regimen.get("stop", self.last_date))
        days = [0]
        if inn == "fulvestrant":
            days.append(14)  # loading dose on day 15
        day = 28 if inn == "fulvestrant" else CYCLE_DAYS[inn]
        while start + datetime.timedelta(days=day) < end:
            days.append(day)
            day += CYCLE_DAYS[inn]
        for offset in days:
            body = {"extension": intent_ext, "status": "completed",
                    "medicationCodeableConcept": self.medication_concept(inn),
                    "subject": self.subject,
                    "effectiveDateTime": (start + datetime.timedelta(days=offset)).isoformat(),
                    "request": {"reference": request}}
            if reason_ref:
                body["reasonReference"] = reason_ref
            self.add("MedicationAdministration", "medadmin", body,
                     MCODE + "mcode-cancer-related-medication-administration")

    def procedures(self):
        for proc in self.record.get("procedures", []):
            description = proc.get("description") or proc["kind"].replace("_", " ")
            code = {"text": description}
            profile = None
            if proc["kind"] == "surgery":
                if "lumpectomy" in description or "partial" in description:
                    code["coding"] = [{"system": SNOMED, "code": "392021009",
                                       "display": "Lumpectomy of breast (procedure)"}]
                else:
                    code["coding"] = [{"system": SNOMED, "code": "69031006",
                                       "display": "Excision of breast tissue (procedure)"}]
                profile = MCODE + "mcode-cancer-related-surgical-procedure"
            elif proc["kind"] == "radiotherapy":
                code["coding"] = [{"system": SNOMED, "code": "1217123003"}]
                profile = MCODE + "mcode-radiotherapy-course-summary"
            elif proc["kind"] == "biopsy" and "biopsy" not in description:
                code["text"] = "biopsy: " + description
            elif proc["kind"] == "dental_examination" and "dental exam" not in description:
                code["text"] = "dental examination: " + description
            body = {"status": "completed", "code": code, "subject": self.subject,
                    "performedDateTime": proc["date"]}
            if proc.get("site"):
                body["bodySite"] = [{"text": proc["site"]}]
            self.add("Procedure", "procedure", body, profile)

    def tumor(self, lesion):
        if lesion["id"] not in self.tumors:
            # The importer uses the BodyStructure id as the lesion id: keep the native one in it.
            safe = "".join(c if c.isalnum() or c in "-." else "-" for c in lesion["id"])
            tumor_id = f"{self.patient_id}-lesion-{safe}"
            self.entries.append({"fullUrl": BASE_URL + "BodyStructure/" + tumor_id, "resource": {
                "resourceType": "BodyStructure", "id": tumor_id,
                "meta": {"profile": [MCODE + "mcode-tumor"]},
                "identifier": [{"value": lesion["id"]}],
                "location": {"text": lesion["organ"]}, "patient": self.subject}})
            self.tumors[lesion["id"]] = "BodyStructure/" + tumor_id
        return self.tumors[lesion["id"]]

    def imaging(self):
        for scan in self.record.get("imaging", []):
            modality = scan.get("modality", "")
            method = None
            if modality in IMAGING_METHODS:
                code, display = IMAGING_METHODS[modality]
                method = {"coding": [{"system": SNOMED, "code": code, "display": display}]}
            elif modality:
                method = {"text": modality}
            for lesion in scan.get("lesions", []):
                diameter = lesion.get("diameter_mm")
                if diameter is None and lesion.get("disappeared"):
                    diameter = 0
                if diameter is None:
                    continue  # a TumorSize Observation needs a longest dimension
                extra = {"focus": [{"reference": self.tumor(lesion)}],
                         "bodySite": {"text": lesion["organ"]},
                         "component": [{"code": loinc("33728-7"),
                                        "valueQuantity": quantity(diameter, "mm")}]}
                if method:
                    extra["method"] = method
                self.observation("tumorsize", loinc("21889-1", "Size Tumor"), scan["date"], {},
                                 MCODE + "mcode-tumor-size", "imaging", **extra)

    def tumor_markers(self):
        for marker in self.record.get("tumor_markers", []):
            code, display = MARKERS[marker["marker"]]
            unit = marker.get("unit") or ("ng/mL" if marker["marker"] == "CEA" else "U/mL")
            self.marker_test(code, display, marker["date"],
                             {"valueQuantity": quantity(marker["value"], unit)}, None)

    def lab_results(self):
        by_id = {test["id"]: test for test in self.labs}
        for lab in self.record.get("labs", []):
            test = by_id[lab["test"]]
            self.observation("lab", {"coding": [{"system": LOINC, "code": test["loinc"][0]}],
                                     "text": lab["test"].replace("_", " ")},
                             lab["date"], {"valueQuantity": quantity(lab["value"], lab["unit"])},
                             "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab")

    def performance(self):
        for ps in self.record.get("performance", []):
            if ps["scale"] == "ecog":
                code = loinc("89247-1", "ECOG Performance Status score")
                profile = MCODE + "mcode-ecog-performance-status"
            else:
                code = loinc("89243-0", "Karnofsky Performance Status score")
                profile = MCODE + "mcode-karnofsky-performance-status"
            self.observation("performance", code, ps["date"], {"valueInteger": ps["value"]},
                             profile, "survey")

    def adverse_events(self):
        for ae in self.record.get("adverse_events", []):
            body = {"extension": [{"url": GRADE_URL, "valueInteger": ae["grade"]}],
                    "actuality": "actual", "event": {"text": ae["term"]},
                    "subject": self.subject, "date": ae["date"]}
            if ae.get("drug"):
                body["suspectEntity"] = [{"instance": {"display": self.inn(ae["drug"])}}]
            self.add("AdverseEvent", "adverse-event", body)

    def convert(self):
        self.patient()
        self.primary()
        self.metastases()
        self.pathology()
        self.pdl1()
        self.genomics()
        self.regimens()
        self.procedures()
        self.imaging()
        self.tumor_markers()
        self.lab_results()
        self.performance()
        self.adverse_events()
        return {"resourceType": "Bundle", "id": self.patient_id + "-bundle",
                "meta": {"profile": [MCODE + "mcode-patient-bundle"]},
                "type": "collection", "entry": self.entries}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="native oncnav record (format oncnav-patient)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--per-cycle", action="append", default=[], metavar="DRUG",
                        help="also write one MedicationAdministration per cycle of DRUG")
    args = parser.parse_args()
    record = json.loads(pathlib.Path(args.input).read_text())
    if record.get("format") != "oncnav-patient":
        sys.exit(f"{args.input}: not a native oncnav record")
    bundle = Converter(record, args.per_cycle).convert()
    text = json.dumps(bundle, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        pathlib.Path(args.output).write_text(text)
        print(f"{args.output}: {len(bundle['entry'])} resources", file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
