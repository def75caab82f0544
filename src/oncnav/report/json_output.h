#pragma once

#include "oncnav/engine/evaluate.h"
#include "oncnav/report/json_object.h"

namespace oncnav {

// The `oncnav evaluate` JSON document (docs/output.md). Field names are a public contract:
// later work adds fields, never renames or removes them. Messages are rendered in
// `ev.options.lang`; codes stay language-independent.
Json EvaluationToJson(const Evaluation& ev, const KnowledgePack& pack);

// The parts alone, for `oncnav classify` and `oncnav recist` (same shapes as in the whole).
Json SubtypeToJson(const Classification& c);
Json ResponseToJson(const RecistResult& r, bool metastatic);
Json FindingsToJson(const std::vector<Finding>& findings, const KnowledgePack& pack,
                    std::string_view lang);
Json ImportWarningsToJson(const std::vector<ImportWarning>& warnings, const KnowledgePack& pack,
                          std::string_view lang);
// The warning's message in `lang` when it carries a translated code, else its English text.
std::string WarningMessage(const ImportWarning& w, const KnowledgePack& pack,
                           std::string_view lang);
Json ProvenanceToJson(const std::vector<std::string>& rules, const KnowledgePack& pack);

}  // namespace oncnav
