#pragma once

#include <string>
#include <vector>

namespace oncnav {

// How well a fact is supported (systemic-therapy.md §0, supportive-care.md §0.1).
// Only kVerified, kSeed and kDerived facts may drive a default recommendation.
enum class Evidence { kVerified, kSeed, kDerived, kPartiallyVerified, kDesign, kUnverified };

std::string_view EvidenceName(Evidence e);
// Whether a fact of this grade may drive a default recommendation.
inline bool DrivesDefault(Evidence e) {
  return e == Evidence::kVerified || e == Evidence::kSeed || e == Evidence::kDerived;
}
bool ParseEvidence(std::string_view text, Evidence& out);

// A named rule of the pack. The engine reports the ids of the rules it applied for each
// evaluation (provenance), and the test suite checks every rule fires in some vignette.
struct Rule {
  std::string id;                    // e.g. "HER2-ISH-G2", "LOT-4", "RECIST-PD"
  std::string summary;               // one sentence in the project's own words
  std::vector<std::string> sources;  // ids from the manifest's source list
  Evidence evidence = Evidence::kVerified;
  std::string file;  // the pack file that defines it
};

}  // namespace oncnav
