#pragma once

#include <map>
#include <string>
#include <vector>

#include "oncnav/common/result.h"
#include "oncnav/knowledge/bone_config.h"
#include "oncnav/knowledge/calculator_config.h"
#include "oncnav/knowledge/classification_config.h"
#include "oncnav/knowledge/code_map.h"
#include "oncnav/knowledge/drug_catalog.h"
#include "oncnav/knowledge/lab_catalog.h"
#include "oncnav/knowledge/local_therapy_config.h"
#include "oncnav/knowledge/recist_config.h"
#include "oncnav/knowledge/rule.h"
#include "oncnav/knowledge/synthetic_config.h"
#include "oncnav/knowledge/texts.h"
#include "oncnav/knowledge/therapy_catalog.h"

namespace oncnav {

struct Source {
  std::string id;        // "R6", "S0", "R-EIS", ...
  std::string citation;  // author, title, journal/year or document
  std::string url;       // may be empty (seed files)
};

struct Manifest {
  std::string pack;        // "breast"
  std::string revision;    // e.g. "2026.11.0"; reported in every evaluation's provenance
  int format_version = 0;  // the pack format this build reads
};

// A validated knowledge pack. Loading checks every file, every cross-reference (rule ->
// source, drug class) and every translation, and reports all problems together.
struct KnowledgePack {
  Manifest manifest;
  std::map<std::string, Source, std::less<>> sources;
  std::map<std::string, Rule, std::less<>> rules;
  ClassificationConfig classification;
  CourseConfig course;
  RecistConfig recist;
  LabCatalog labs;
  DrugCatalog drugs;
  CodeMap codes;
  TherapyCatalog therapy;
  CalculatorConfig calculators;
  BoneConfig bone;  // bone-modifying agents and bone care (bone.json)
  LocalTherapyConfig
      local_therapy;  // skeletal events, local therapy, symptoms (local_therapy.json)
  Texts texts;
  SyntheticConfig synthetic;  // synthetic-patient generator parameters (synthetic.json)

  // The rule with this id; a missing id is a broken invariant (the loader checks the ids
  // the engine uses), so this aborts rather than return null.
  const Rule& rule(std::string_view id) const;
};

inline constexpr int kKnowledgeFormatVersion = 1;

Result<KnowledgePack> LoadKnowledgePack(const std::string& dir);

// The directory used when none is given: $ONCNAV_KNOWLEDGE, else the source tree's pack.
std::string DefaultKnowledgeDir();

}  // namespace oncnav
