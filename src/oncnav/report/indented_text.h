#pragma once

#include <string>
#include <string_view>

#include "oncnav/common/text.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A section of the text report being written: translated texts in one language, indented lines.
class IndentedText {
 public:
  IndentedText(const KnowledgePack& pack, std::string_view lang) : pack_(pack), lang_(lang) {}
  std::string T(std::string_view key, const Texts::Params& params = {}) const {
    return pack_.texts.Render(lang_, key, params);
  }
  void Line(int indent, const std::string& text) {
    text_ += Cat({std::string(static_cast<size_t>(indent), ' '), text, "\n"});
  }
  // One "- text  (rule)" line per finding.
  void Findings(int indent, const std::vector<Finding>& list) {
    for (const auto& f : list) Line(indent, Cat({"- ", T(f.code, f.params), "  (", f.rule, ")"}));
  }
  std::string str() const { return text_; }

 private:
  const KnowledgePack& pack_;
  std::string lang_;
  std::string text_;
};

}  // namespace oncnav
