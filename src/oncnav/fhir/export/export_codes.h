#pragma once

// The code systems, profiles and codes the FHIR export writes. Each code is one the importer
// reads (knowledge/breast/codes.json, labs.json, drugs.json; docs/fhir-mapping.md); a unit test
// looks every one up in the pack so the two directions cannot drift apart.

#include <array>
#include <string_view>
#include <utility>

namespace oncnav::fhir::exportcodes {

inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr std::string_view kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kHgnc = "http://www.genenames.org";
inline constexpr std::string_view kHgvs = "http://varnomen.hgvs.org";
inline constexpr std::string_view kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr std::string_view kConditionClinical =
    "http://terminology.hl7.org/CodeSystem/condition-clinical";
inline constexpr std::string_view kConditionVerification =
    "http://terminology.hl7.org/CodeSystem/condition-ver-status";
inline constexpr std::string_view kConditionCategory =
    "http://terminology.hl7.org/CodeSystem/condition-category";
inline constexpr std::string_view kSpecimenType = "http://terminology.hl7.org/CodeSystem/v2-0487";

inline constexpr std::string_view kMcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
inline constexpr std::string_view kBaseUrl = "https://oncnav.example/fhir/";
// No CTCAE-grade extension exists in mCODE STU4 or FHIR R4 core; this project URL carries it
// (the importer reads any extension whose url contains "grade").
inline constexpr std::string_view kGradeUrl =
    "https://oncnav.example/fhir/StructureDefinition/ctcae-grade";
inline constexpr std::string_view kConditionRelated =
    "http://hl7.org/fhir/StructureDefinition/condition-related";
inline constexpr std::string_view kBodyWeightProfile =
    "http://hl7.org/fhir/StructureDefinition/bodyweight";
inline constexpr std::string_view kBodyHeightProfile =
    "http://hl7.org/fhir/StructureDefinition/bodyheight";
inline constexpr std::string_view kUsCoreLabProfile =
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab";

struct Code {
  std::string_view code;
  std::string_view display;
};

// Conditions (codes.json tables primary_cancer, laterality, metastatic_site, confirmation).
inline constexpr Code kPrimaryLeft = {
    "353431000119107", "Primary malignant neoplasm of female left breast (disorder)"};
inline constexpr Code kPrimaryBreast = {"254837009", "Malignant neoplasm of breast (disorder)"};
inline constexpr Code kDuctalMorphology = {"82711006",
                                           "Infiltrating duct carcinoma (morphologic abnormality)"};
inline constexpr Code kLeft = {"7771000", "Left (qualifier value)"};
inline constexpr Code kRight = {"24028007", "Right (qualifier value)"};
inline constexpr Code kBilateral = {"51440002", "Right and left (qualifier value)"};
inline constexpr Code kImagingEvidence = {"363679005", "Imaging (procedure)"};
inline constexpr Code kClinicalEvidence = {"5880005", "Physical examination procedure (procedure)"};

struct SiteCode {
  std::string_view site;  // native vocabulary
  Code icd10cm;
};
// ICD-10-CM secondary-neoplasm codes (SecondaryCancerDisorderVS). distant_lymph_node has only
// C77.9, which the importer cannot tell from regional nodes (documented loss).
inline constexpr std::array<SiteCode, 10> kMetastasisCodes = {{
    {"bone", {"C79.51", "Secondary malignant neoplasm of bone"}},
    {"bone_marrow", {"C79.52", "Secondary malignant neoplasm of bone marrow"}},
    {"lung", {"C78.00", "Secondary malignant neoplasm of unspecified lung"}},
    {"liver", {"C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"}},
    {"brain", {"C79.31", "Secondary malignant neoplasm of brain"}},
    {"pleura", {"C78.2", "Secondary malignant neoplasm of pleura"}},
    {"peritoneum", {"C78.6", "Secondary malignant neoplasm of retroperitoneum and peritoneum"}},
    {"skin", {"C79.2", "Secondary malignant neoplasm of skin"}},
    {"distant_lymph_node",
     {"C77.9", "Secondary and unspecified malignant neoplasm of lymph node, unspecified"}},
    {"other", {"C79.9", "Secondary malignant neoplasm of unspecified site"}},
}};

// Tumour marker tests (codes.json table observation).
inline constexpr Code kErPercent = {
    "85329-1", "Cells.estrogen receptor/100 cells in Breast cancer specimen by Immune stain"};
inline constexpr Code kPgrPercent = {
    "85325-9", "Cells.progesterone receptor/100 cells in Breast cancer specimen by Immune stain"};
inline constexpr Code kKi67 = {"85330-9",
                               "Cells.Ki-67 nuclear Ag/100 cells in Breast cancer specimen by "
                               "Immune stain"};
inline constexpr Code kErPresence = {
    "85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"};
inline constexpr Code kPgrPresence = {
    "85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"};
inline constexpr Code kHer2Status = {"48676-1", "HER2 [Interpretation] in Tissue"};
inline constexpr Code kHer2Ihc = {"85319-2",
                                  "HER2 [Presence] in Breast cancer specimen by Immune stain"};
inline constexpr Code kIshRatio = {"49683-6", "ERBB2/CEP17 [Ratio] in Tissue by FISH"};
inline constexpr Code kIshCopies = {"74860-8", "ERBB2 copies/nucleus in Tissue by FISH"};
inline constexpr Code kPdl122c3 = {"83052-1", ""};
inline constexpr Code kPdl1Sp142 = {"83057-0", ""};
inline constexpr Code kCa153 = {"6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma"};
inline constexpr Code kCa2729 = {"17842-6", "Cancer Ag 27-29 [Units/volume] in Serum or Plasma"};
inline constexpr Code kCea = {"2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma"};
inline constexpr Code kBodyWeight = {"29463-7", "Body weight"};
inline constexpr Code kBodyHeight = {"8302-2", "Body height"};
inline constexpr Code kEcog = {"89247-1", "ECOG Performance Status score"};
inline constexpr Code kKarnofsky = {"89243-0", "Karnofsky Performance Status score"};
inline constexpr Code kTumorSize = {"21889-1", "Size Tumor"};
inline constexpr Code kLongestDimension = {"33728-7", ""};
inline constexpr Code kVariant = {"69548-6", "Genetic variant assessment"};
inline constexpr Code kGeneStudied = {"48018-6", ""};
inline constexpr Code kHgvsProtein = {"48005-3", ""};
inline constexpr Code kGenomicSource = {"48002-0", ""};
inline constexpr Code kSignificance = {"53037-8", ""};

// Answers (codes.json table answer).
inline constexpr Code kPositive = {"LA6576-8", "Positive"};
inline constexpr Code kNegative = {"LA6577-6", "Negative"};
inline constexpr std::array<Code, 4> kIhcAnswers = {
    {{"LA6111-4", "0"}, {"LA11841-6", "1+"}, {"LA11842-4", "2+"}, {"LA11843-2", "3+"}}};
inline constexpr Code kPresent = {"LA9633-4", "Present"};
inline constexpr Code kAbsent = {"LA9634-2", "Absent"};
inline constexpr Code kGermline = {"LA6683-2", "Germline"};
inline constexpr Code kSomatic = {"LA6684-0", "Somatic"};
inline constexpr Code kUncertain = {"LA26333-7", "Uncertain significance"};

// Medication statements (codes.json tables stop_reason, intent).
inline constexpr Code kNoResponse = {"266721009", "Absent response to treatment (situation)"};
inline constexpr Code kNotTolerated = {"407563006", "Treatment not tolerated (situation)"};
inline constexpr Code kRefused = {"105480006", "Refusal of treatment by patient (situation)"};
inline constexpr Code kCurative = {"373808002", "Curative - procedure intent (qualifier value)"};
inline constexpr Code kPalliative = {"363676003",
                                     "Palliative - procedure intent (qualifier value)"};
inline constexpr Code kSupportive = {"399707004",
                                     "Supportive - procedure intent (qualifier value)"};
// RxNorm ingredient codes confirmed in interop.md B.2; the other RxNorm codes of drugs.json are
// strength-specific products, so those drugs are written by name.
inline constexpr std::array<Code, 3> kRxNormIngredients = {
    {{"3639", "doxorubicin"}, {"3002", "cyclophosphamide"}, {"56946", "paclitaxel"}}};

// Procedures (codes.json table procedure) and imaging methods (table imaging_method).
inline constexpr Code kLumpectomy = {"392021009", "Lumpectomy of breast (procedure)"};
inline constexpr Code kBreastExcision = {"69031006", "Excision of breast tissue (procedure)"};
inline constexpr Code kRadiotherapy = {"1217123003", ""};
inline constexpr std::array<std::pair<std::string_view, Code>, 3> kImagingMethods = {{
    {"CT", {"77477000", "Computerized axial tomography (procedure)"}},
    {"MRI", {"113091000", "Magnetic resonance imaging (procedure)"}},
    {"PET", {"82918005", "Positron emission tomography (procedure)"}},
}};

}  // namespace oncnav::fhir::exportcodes
