#pragma once

#include <string>

#include "oncnav/engine/evaluate.h"

namespace oncnav {

// The human-readable report, in the evaluation's language: what a tumour board reads.
// Every label and value word comes from the pack's texts, so ja and zh are complete.
std::string EvaluationToText(const Evaluation& ev, const KnowledgePack& pack);
std::string SubtypeToText(const Evaluation& ev, const KnowledgePack& pack);
std::string ResponseToText(const Evaluation& ev, const KnowledgePack& pack);

}  // namespace oncnav
