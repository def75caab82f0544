#include "oncnav/knowledge/score_table.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>

namespace oncnav {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool WholeNumber(double v) { return std::isfinite(v) && v == std::floor(v); }

std::optional<int> Integer(PackReader& reader, const nlohmann::json& obj, const std::string& path,
                           const std::string& key, bool required = true) {
  auto v = reader.Number(obj, path, key, required);
  if (!v) return std::nullopt;
  if (!WholeNumber(*v) || std::fabs(*v) > 100000) {
    reader.Fail(path + "." + key, "must be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

ScoreOption LoadOption(const nlohmann::json& o, const std::string& path, PackReader& reader) {
  ScoreOption opt;
  opt.id = reader.String(o, path, "id").value_or("");
  opt.points = Integer(reader, o, path, "points").value_or(0);
  for (const auto& code : reader.StringList(o, path, "codes", false))
    opt.codes.push_back(Upper(code));
  opt.min = reader.Number(o, path, "min", false);
  opt.max = reader.Number(o, path, "max", false);
  if (opt.min.has_value() != opt.max.has_value()) {
    reader.Fail(path, "gives min and max together or neither");
  } else if (opt.min && *opt.min > *opt.max) {
    reader.Fail(path + ".min", "must not exceed max");
  }
  if (opt.id != NormaliseChoice(opt.id)) {
    reader.Fail(path + ".id", "must be lower case with '_' between words");
  }
  return opt;
}

void LoadFactor(const nlohmann::json& f, const std::string& path, PackReader& reader,
                ScoreTable& table) {
  ScoreFactor factor;
  factor.id = reader.String(f, path, "id").value_or("");
  const auto* options = reader.Member(f, path, "options");
  if (!options || !options->is_array() || options->empty()) {
    if (options) reader.Fail(path + ".options", "must be a non-empty array");
    return;
  }
  for (size_t i = 0; i < options->size(); ++i) {
    std::string opath = path + ".options[" + std::to_string(i) + "]";
    ScoreOption opt = LoadOption((*options)[i], opath, reader);
    for (const auto& other : factor.options) {
      if (other.id == opt.id) reader.Fail(opath + ".id", "'" + opt.id + "' is listed twice");
      for (const auto& code : opt.codes) {
        if (std::find(other.codes.begin(), other.codes.end(), code) != other.codes.end())
          reader.Fail(opath + ".codes", "'" + code + "' also belongs to '" + other.id + "'");
      }
      if (opt.min && other.min && !(*opt.max < *other.min || *other.max < *opt.min))
        reader.Fail(opath, "its range overlaps that of '" + other.id + "'");
    }
    factor.options.push_back(std::move(opt));
  }
  table.factors.push_back(std::move(factor));
}

void LoadBand(const nlohmann::json& b, const std::string& path, PackReader& reader,
              ScoreTable& table) {
  ScoreBand band;
  band.id = reader.String(b, path, "id").value_or("");
  band.min = Integer(reader, b, path, "min").value_or(0);
  band.max = Integer(reader, b, path, "max").value_or(0);
  band.risk = reader.String(b, path, "risk", false).value_or("");
  band.action = reader.String(b, path, "action", false).value_or("");
  if (const auto* survival = reader.Member(b, path, "survival", false)) {
    if (!survival->is_array()) {
      reader.Fail(path + ".survival", "must be an array");
    } else {
      for (size_t i = 0; i < survival->size(); ++i) {
        std::string spath = path + ".survival[" + std::to_string(i) + "]";
        SurvivalFigure fig;
        fig.months = Integer(reader, (*survival)[i], spath, "months").value_or(0);
        fig.percent = reader.Number((*survival)[i], spath, "percent").value_or(0);
        if (fig.months <= 0) reader.Fail(spath + ".months", "must be positive");
        if (fig.percent < 0 || fig.percent > 100) reader.Fail(spath + ".percent", "must be 0-100");
        band.survival.push_back(fig);
      }
    }
  }
  table.bands.push_back(std::move(band));
}

}  // namespace

std::string NormaliseChoice(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) {
    char c = text[i];
    out += (c == '-' || c == ' ') ? '_'
                                  : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

const ScoreOption* ScoreFactor::FindChoice(std::string_view choice) const {
  std::string norm = NormaliseChoice(choice);
  for (const auto& o : options) {
    if (o.id == norm) return &o;
  }
  std::string code = Upper(norm);
  for (const auto& o : options) {
    if (std::find(o.codes.begin(), o.codes.end(), code) != o.codes.end()) return &o;
  }
  return nullptr;
}

const ScoreOption* ScoreFactor::FindNumber(double value) const {
  for (const auto& o : options) {
    if (o.min && value >= *o.min && value <= *o.max) return &o;
  }
  return nullptr;
}

const ScoreFactor* ScoreTable::Factor(std::string_view id) const {
  for (const auto& f : factors) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const ScoreBand* ScoreTable::Band(int total) const {
  for (const auto& b : bands) {
    if (total >= b.min && total <= b.max) return &b;
  }
  return nullptr;
}

int ScoreTable::MinTotal() const {
  int total = 0;
  for (const auto& f : factors) {
    int best = INT_MAX;
    for (const auto& o : f.options) best = std::min(best, o.points);
    if (!f.options.empty()) total += best;
  }
  return total;
}

int ScoreTable::MaxTotal() const {
  int total = 0;
  for (const auto& f : factors) {
    int best = INT_MIN;
    for (const auto& o : f.options) best = std::max(best, o.points);
    if (!f.options.empty()) total += best;
  }
  return total;
}

ScoreTable ScoreTable::Load(const nlohmann::json& obj, const std::string& path,
                            PackReader& reader) {
  ScoreTable table;
  table.rule = reader.String(obj, path, "rule").value_or("");
  const auto* factors = reader.Member(obj, path, "factors");
  if (factors && factors->is_array()) {
    for (size_t i = 0; i < factors->size(); ++i) {
      LoadFactor((*factors)[i], path + ".factors[" + std::to_string(i) + "]", reader, table);
    }
  } else if (factors) {
    reader.Fail(path + ".factors", "must be an array");
  }
  const auto* bands = reader.Member(obj, path, "bands");
  if (bands && bands->is_array()) {
    for (size_t i = 0; i < bands->size(); ++i) {
      LoadBand((*bands)[i], path + ".bands[" + std::to_string(i) + "]", reader, table);
    }
  } else if (bands) {
    reader.Fail(path + ".bands", "must be an array");
  }
  if (reader.failed() || table.factors.empty()) return table;
  // Every possible total falls in exactly one band.
  for (int total = table.MinTotal(); total <= table.MaxTotal(); ++total) {
    int n = 0;
    for (const auto& b : table.bands) n += (total >= b.min && total <= b.max) ? 1 : 0;
    if (n != 1) {
      reader.Fail(path + ".bands", "must cover the total " + std::to_string(total) +
                                       " exactly once (it is covered " + std::to_string(n) +
                                       " times)");
    }
  }
  return table;
}

}  // namespace oncnav
