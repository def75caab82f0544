#include "oncnav/cdshooks/cds_knowledge.h"

#include "oncnav/common/text.h"
#include "oncnav/knowledge/pack_reader.h"
#include "oncnav/knowledge/therapy_catalog.h"

namespace oncnav {

Result<CdsKnowledge> LoadCdsKnowledge(const std::string& dir, const KnowledgePack& pack) {
  std::vector<Error> errors;
  auto doc = ReadJsonFile(dir, "cds.json", errors);
  if (!doc) return errors;
  PackReader reader("cds.json", errors);
  CdsKnowledge out;
  const auto* limits = reader.Member(*doc, "$", "renal_limits");
  if (limits && !limits->is_array()) reader.Fail("$.renal_limits", "must be an array");
  if (limits && limits->is_array()) {
    for (size_t i = 0; i < limits->size(); ++i) {
      const auto& item = (*limits)[i];
      const std::string path = Cat({"$.renal_limits[", std::to_string(i), "]"});
      RenalLimit limit;
      limit.rule = ReadInlineRule(item, path, reader);
      limit.drug = reader.String(item, path, "drug").value_or("");
      limit.min_crcl_ml_min = reader.Number(item, path, "min_crcl_ml_min").value_or(0);
      if (!limit.drug.empty() && !pack.drugs.FindByName(limit.drug)) {
        reader.Fail(Cat({path, ".drug"}), Cat({"'", limit.drug, "' is not in drugs.json"}));
      }
      if (limit.min_crcl_ml_min <= 0) {
        reader.Fail(Cat({path, ".min_crcl_ml_min"}), "must be a positive number");
      }
      for (const auto& s : limit.rule.sources) {
        if (!pack.sources.contains(s)) {
          reader.Fail(Cat({path, ".sources"}), Cat({"'", s, "' is not a source in manifest.json"}));
        }
      }
      out.renal_limits.push_back(std::move(limit));
    }
  }
  if (!errors.empty()) return errors;
  return out;
}

}  // namespace oncnav
