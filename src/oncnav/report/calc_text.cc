#include "oncnav/report/calc_text.h"

#include "oncnav/common/text.h"
#include "oncnav/report/calc_json.h"

namespace oncnav {
namespace {

std::string Components(const ScoreResult& r, const KnowledgePack& pack, std::string_view lang) {
  std::string out;
  for (const auto& c : r.components) {
    std::string factor =
        pack.texts.Render(lang, Cat({"calc.factor.", r.calculator, ".", c.factor}));
    std::string option =
        pack.texts.Render(lang, Cat({"calc.option.", r.calculator, ".", c.factor, ".", c.option}));
    if (c.number) option = Cat({FormatNumber(*c.number, 2), " (", option, ")"});
    out += Cat({"    ", factor, ": ", option, "  [", std::to_string(c.points), "]\n"});
  }
  return out;
}

}  // namespace

std::string CalcOutputToText(const CalcOutput& output, const KnowledgePack& pack,
                             std::string_view lang) {
  std::string out = Cat({pack.texts.Render(lang, Cat({"calc.label.", output.calculator})), ": ",
                         CalcSummary(output, pack, lang), "\n"});
  if (const auto* score = std::get_if<ScoreResult>(&output.report)) {
    out += Components(*score, pack, lang);
  }
  for (const auto& n : TraceOf(output.report).notes) {
    out += Cat({"  - ", pack.texts.Render(lang, n.code, n.params), " [", n.rule, "]\n"});
  }
  return out;
}

std::string RecordCalculationsToText(const RecordCalculations& calcs, const KnowledgePack& pack,
                                     std::string_view lang) {
  std::string out = Cat(
      {pack.texts.Render(lang, "calc.section.record", {{"date", calcs.as_of.ToString()}}), "\n"});
  for (const auto& r : calcs.results) out += CalcOutputToText(r.output, pack, lang);
  if (!calcs.cannot_compute.empty()) {
    out += Cat({pack.texts.Render(lang, "calc.section.cannot"), "\n"});
    for (const auto& c : calcs.cannot_compute) {
      out += Cat({"  - ", CannotComputeMessage(c, pack, lang), "\n"});
    }
  }
  return out;
}

}  // namespace oncnav
