#pragma once

// Internal to src/oncnav/synth: the state of one patient being generated, shared by the steps
// (profile, early treatment, metastatic course, imaging, observations).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "oncnav/knowledge/pack.h"
#include "oncnav/synth/generator.h"
#include "oncnav/synth/random.h"

namespace oncnav::synth {

// The generator's HER2 category of a specimen (systemic-therapy.md §2.4). kNegative: reported
// negative without a score; kUnknown: not decided (IHC 2+ with ISH pending) or not tested.
enum class Her2Cat { kPositive, kLow, kUltralow, kZero, kNegative, kUnknown };

// What one pathology report of the record says, as the sequencing reads it: unknown parts are
// the report's gaps, never filled in from the tumour's true biology.
struct KnownSpecimen {
  Date date;
  bool metastatic = false;
  std::optional<bool> hr_positive;
  bool her2_data = false;  // the report says something about HER2 (as the classifier reads it)
  Her2Cat her2 = Her2Cat::kUnknown;
};

// One lesion as the tumour really is at the moment (sizes in whole millimetres).
struct LesionState {
  std::string id;
  std::string organ;  // words written into the record ("liver", "lymph node", "bone", ...)
  std::string site;   // the metastatic site vocabulary ("distant_lymph_node", ...)
  bool nodal = false;
  BoneLesionType bone = BoneLesionType::kNone;
  int size_mm = 0;       // longest diameter (short axis for nodes; soft tissue for lytic bone)
  bool measured = true;  // false: blastic bone, effusion, peritoneal disease
  std::optional<Date> irradiated_on;  // radiosurgery or radiotherapy to this lesion
  bool gone = false;                  // disappeared (complete response)
  bool fresh = false;                 // appeared at the last progression scan
};

// The imaging series of the current line: its baseline, targets and drawn response.
struct Series {
  int line = 0;
  std::vector<size_t> targets;  // indices into State::lesions
  std::vector<int> target_base_mm;
  std::vector<std::pair<size_t, int>> others_base_mm;  // measured non-targets at baseline
  int shrink_percent = 0;  // best response of the line, reached at the second follow-up
  bool complete = false;
  int follow_ups = 0;
  int nadir_sum = 0;
  size_t truth = 0;  // index into SynthTruth::series
};

// A regimen given, with what the sequencing needs to know about it later.
struct GivenRegimen {
  std::string option;  // regimen option id ("" for (neo)adjuvant and supportive regimens)
  Setting setting = Setting::kMetastatic;
  int line = 0;  // metastatic line, 0 otherwise
  std::vector<std::string> drugs;
  Date start;
  std::optional<Date> stop;
  StopReason reason = StopReason::kNone;
};

struct State {
  State(const KnowledgePack& knowledge, SynthRandom& random, Date end)
      : pack(knowledge), p(knowledge.synthetic.params), rng(random), as_of(end) {}

  const KnowledgePack& pack;
  const SynthParameters& p;
  SynthRandom& rng;
  Date as_of;

  PatientRecord rec;
  SynthTruth truth;

  // Patient.
  Sex sex = Sex::kFemale;
  Date birth;
  SynthGroup group = SynthGroup::kHrPosHer2Neg;  // biology at diagnosis
  bool hr_positive = false;
  Her2Cat her2 = Her2Cat::kZero;  // HER2 of the primary
  bool de_novo = false;
  Date primary_date;
  Date met_date;
  bool si_units = false;
  bool lumpectomy = false;
  std::string laterality;

  // Early treatment, as the sequencing needs it.
  std::optional<Date> adjuvant_endocrine_start;
  std::optional<Date> adjuvant_endocrine_stop;  // the relapse date when relapse came on it
  bool relapse_on_adjuvant_endocrine = false;
  std::optional<Date> curative_chemo_end;
  std::optional<Date> anti_her2_end;
  bool anti_her2_early = false;

  // Tumour genomics (the truth; tests may miss it).
  std::string pi3k_gene;  // "", PIK3CA, AKT1 or PTEN
  std::string pi3k_variant;
  bool esr1_mutant = false;
  bool esr1_drawn_after_ai = false;
  std::string esr1_variant;
  bool gbrca = false;

  // Receptor levels of the tumour (percent), drawn at the first HR+ report.
  std::optional<int> er_level;
  std::optional<int> pgr_level;
  bool pgr_only = false;

  // The biology of the latest metastatic specimen (after discordance), when one was taken.
  std::optional<bool> current_hr;
  std::optional<Her2Cat> current_her2;

  // Known facts, in date order as they are produced.
  std::vector<KnownSpecimen> specimens;
  std::vector<GivenRegimen> given;

  // Disease and its imaging.
  std::vector<LesionState> lesions;
  std::map<std::string, int> lesion_counters;  // per id prefix
  std::optional<Series> series;
  std::optional<Date> last_scan;
  std::optional<Date> scan_cutoff;  // no scans after it (imaging overdue at the end)
  bool write_imaging = true;        // false: no imaging in the record (missing data)
  int burden_percent = 100;         // tumour burden relative to diagnosis, for the markers
  int series_burden = 100;          // the burden at the current series' baseline
  bool bone_radiotherapy_done = false;
  bool ca15_3 = false, ca15_3_secretor = false, cea = false, cea_secretor = false;
  double ca15_3_base = 0, cea_base = 0;
  bool visceral_crisis = false;
  bool course_stalled = false;  // no regimen left to give for months before the as-of date
  int ecog = 0;
  bool karnofsky = false;
  bool brain_metastases = false;

  // Ids.
  std::map<std::string, int> regimen_counters;  // per id prefix (adj, neo, met, bma)
  // Drugs stopped for progression or a toxicity that rules them out, never given again.
  std::vector<std::string> failed_drugs;

  // DEF-7: relapse on adjuvant endocrine therapy or within 12 months of completing it.
  bool EndocrineResistantRelapse() const;

  int AgeAt(const Date& d) const;
  MenopausalStatus MenopauseAt(const Date& d) const;
  bool HasSite(std::string_view site) const;
  // Records a metastatic site (once per site).
  void AddSite(const std::string& site, const Date& date, Confirmation how);
  // The latest known value of HR status / HER2 category on or before `d` (a metastatic
  // specimen preferred over the primary, then the most recent: systemic-therapy.md §2.5).
  std::optional<bool> KnownHrPositive(const Date& d) const;
  Her2Cat KnownHer2(const Date& d) const;
  // The subtype group the record supports on `d` (HER2 unknown counts as negative, HR unknown
  // as the primary's).
  SynthGroup KnownGroup(const Date& d) const;
  // Adds a regimen to the record and to `given`; returns its index in `given`.
  size_t AddRegimen(GivenRegimen regimen, const std::string& id_prefix);
  // Sets the stop of a regimen already added.
  void StopRegimen(size_t index, const Date& stop, StopReason reason);
  void AddAdverseEvent(const Date& date, const std::string& term, int grade,
                       const std::string& drug);
  void AddProcedure(const Date& date, ProcedureKind kind, const std::string& site,
                    const std::string& description);
};

// Steps, in the order the generator runs them.
void GenerateDemographics(State& s);
// Primary cancer and its diagnostic pathology report.
void GeneratePrimary(State& s);
// Surgery, radiotherapy and (neo)adjuvant therapy before the relapse (not for de novo disease).
void GenerateEarlyTreatment(State& s);
// Sites, lesions, metastatic biopsy and the tests done before first-line treatment.
void GenerateMetastaticDiagnosis(State& s);
// Lines of therapy with imaging, progressions, adverse events and re-testing.
void GenerateMetastaticCourse(State& s);
// Bone-modifying agent, labs, tumour markers and performance status.
void GenerateSupportiveCare(State& s);
void GenerateObservations(State& s);

// Pathology report of a specimen with the given biology (used for the primary, metastatic
// biopsies and re-biopsies). Applies the report-level missing-data parameters.
void AddPathologyReport(State& s, const Date& date, const Specimen& specimen, bool hr_positive,
                        Her2Cat her2, bool allow_gaps);
// Germline and somatic testing.
void AddGermlineTest(State& s, const Date& date);
void AddPi3kTest(State& s, const Date& date, bool plasma);
void AddEsr1Test(State& s, const Date& date);
void AddPdL1Tests(State& s, const Date& date, const Specimen& specimen);

// Imaging (imaging.cc). Lesions of a site found on `date`; `progression` marks a new lesion
// of a progression scan (one lesion).
void AddLesions(State& s, const std::string& site, bool progression);
// Opens the series of a line: a baseline scan shortly before `start`.
void BeginSeries(State& s, int line, const Date& start);
// The next scheduled scan date after the last one (2-3 months, sometimes one missed), or
// nothing when it would fall after the as-of date or the overdue cut-off.
std::optional<Date> NextScanDate(State& s);
// A follow-up scan without progression, and the scan that shows progression.
void FollowUpScan(State& s, const Date& date);
void ProgressionScan(State& s, const Date& date);
// Radiosurgery of brain metastases and palliative radiotherapy of a bone metastasis.
void TreatBrain(State& s, const Date& date);
void MaybeIrradiateBone(State& s, const Date& date);

// Metastatic biopsy with its pathology report (metastatic_diagnosis.cc), now and then discordant
// with the previous specimen (HER2 category, HR loss); false when no site can be biopsied.
bool MetastaticBiopsy(State& s, const Date& date);

// Sequencing (sequencing.cc): the regimen of a line (or the replacement within a line after a
// toxicity stop) planned to start on `planned`, following systemic-therapy.md §4 through the
// regimen options of synthetic.json. The start may move earlier (never before the previous
// stop) so that a drug continuing from the previous regimen is not interrupted.
struct Decision {
  const SynthRegimenOption* option = nullptr;
  Date start;
  std::vector<std::string> drugs;  // the option's drugs, plus ovarian suppression when needed
};
std::optional<Decision> ChooseRegimen(State& s, int line, const Date& planned);
bool DrugHasClass(const State& s, const std::string& drug, std::string_view cls);

// Whole days for a number of months (30.4375 days each).
int64_t MonthsToDays(double months);

}  // namespace oncnav::synth
