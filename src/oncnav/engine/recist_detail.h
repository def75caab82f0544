#pragma once

// Helpers shared by the recist_*.cc files; not part of the public API.

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/engine/recist.h"

namespace oncnav::recist {

// Comparisons at the thresholds must be inclusive even when the arithmetic of decimal
// measurements lands a hair off (e.g. exactly -30.0%).
inline constexpr double kEpsilon = 1e-9;

// Appends `id` unless already present (lists are short; a linear scan beats a set).
void AddRule(std::vector<std::string>& rules, std::string_view id);

void AddFinding(std::vector<RecistFinding>& findings, std::string_view code,
                std::string_view severity, std::string_view rule, Texts::Params params);

// "16", "12.5", "-30.2": shortest readable form, one decimal at most.
std::string FormatNumber(double value);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool IsBone(const Lesion& lesion);

// The size RECIST uses for a lesion: the soft-tissue part of a lytic or mixed bone lesion
// when recorded, else the longest diameter (short axis for a node).
std::optional<double> Measure(const Lesion& lesion);

const Lesion* FindLesion(const ImagingAssessment& assessment, std::string_view id);

}  // namespace oncnav::recist
