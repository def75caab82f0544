#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "oncnav/engine/course.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/model/patient.h"

namespace oncnav {

// The prior therapy an option's conditions are counted against, seen from one decision point.
struct TherapyHistory {
  struct Line {
    int number = 0;
    std::set<std::string, std::less<>> classes, drugs;
    bool progressed = false;
  };
  std::vector<Line> lines;  // metastatic lines before (or at) the decision
  struct Curative {
    std::set<std::string, std::less<>> classes, drugs;
    std::optional<Date> stop;
  };
  std::vector<Curative> curative;                            // (neo)adjuvant regimens
  std::set<std::string, std::less<>> early_relapse_classes;  // LOT-2
  std::optional<Date> last_progression;

  // Prior lines (or regimens, for scope "any") holding the class or drug. `cls` "*" = any.
  int Count(std::string_view cls, std::string_view drug, std::string_view scope,
            bool progressed) const;
  // The line that progressed on the class or drug, 0 for an early relapse, nullopt if none.
  std::optional<int> ProgressedOn(std::string_view cls, std::string_view drug) const;
};

// Builds the history for a decision. With `assume_current_progressed`, the current line is
// counted as ended by progression (used to plan the options for when it stops working).
TherapyHistory BuildTherapyHistory(const PatientRecord& record, const KnowledgePack& pack,
                                   const Course& course, bool assume_current_progressed,
                                   Date as_of);

}  // namespace oncnav
