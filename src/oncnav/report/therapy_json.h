#pragma once

#include <string>

#include "oncnav/engine/therapy/therapy_options.h"
#include "oncnav/report/json_object.h"

namespace oncnav {

// `options[]` and `excluded[]` of the evaluation (docs/output.md). Drug fields stay lowercase
// English INN; regimen labels, rationales and reasons are rendered in `lang`.
Json OptionsToJson(const TherapyOptions& t, const KnowledgePack& pack, std::string_view lang);
Json ExcludedToJson(const TherapyOptions& t, const KnowledgePack& pack, std::string_view lang);
Json DecisionToJson(const TherapyOptions& t);

// A regimen's drugs joined with " + ", each in `lang` where the pack has that name.
std::string LocalizedRegimen(const std::vector<std::string>& drugs, const KnowledgePack& pack,
                             std::string_view lang);
// The label of a proposed option in `lang`.
std::string OptionLabel(const ProposedOption& p, const KnowledgePack& pack, std::string_view lang);
// The readable rationale and exclusion reason in `lang`.
std::string OptionRationale(const ProposedOption& p, const KnowledgePack& pack,
                            std::string_view lang);
std::string ExclusionReason(const ExcludedOption& e, const KnowledgePack& pack,
                            std::string_view lang);

}  // namespace oncnav
