#include "oncnav/fhir/value_parsing.h"

#include <charconv>
#include <cstdio>

namespace oncnav::fhir {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view ElementName(const FhirValue& value) {
  return value.element_name.empty() ? std::string_view("value[x]") : value.element_name;
}

std::string Describe(const FhirValue& value) {
  switch (value.kind) {
    case ValueKind::kQuantity:
      return FormatNumber(value.number) + " " + std::string(value.unit);
    case ValueKind::kInteger:
    case ValueKind::kRatio:
      return FormatNumber(value.number);
    case ValueKind::kString:
      return "'" + std::string(value.text) + "'";
    case ValueKind::kCodeable:
      return "'" + std::string(ConceptText(value.coded)) + "'";
    case ValueKind::kBoolean:
      return value.boolean ? "true" : "false";
    default:
      return std::string(ElementName(value));
  }
}

}  // namespace

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  double out = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return out;
}

std::string FormatNumber(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

std::string_view AnswerOf(const FhirValue& value, const CodeMap& codes) {
  if (value.kind == ValueKind::kCodeable) {
    return LookupConcept(codes, CodeTable::kAnswer, value.coded);
  }
  if (value.kind == ValueKind::kString) return codes.MatchText(CodeTable::kAnswer, value.text);
  return {};
}

void WarnValueForm(const FhirValue& value, ImportContext& ctx, std::string_view what) {
  if (value.kind == ValueKind::kNone) {
    ctx.Warn("value[x]", "no value for " + std::string(what) + "; not used");
    return;
  }
  ctx.Warn(ElementName(value),
           Describe(value) + " is not understood as " + std::string(what) + "; not used");
}

std::optional<Presence> ReadPresence(const FhirValue& value, ImportContext& ctx) {
  if (value.kind == ValueKind::kBoolean) {
    return value.boolean ? Presence::kPositive : Presence::kNegative;
  }
  auto answer = AnswerOf(value, ctx.codes);
  if (answer == "positive" || answer == "present") return Presence::kPositive;
  if (answer == "negative" || answer == "absent") return Presence::kNegative;
  if (answer == "equivocal") return Presence::kEquivocal;
  return std::nullopt;
}

std::optional<double> ReadPercent(const FhirValue& value, ImportContext& ctx) {
  std::optional<double> number;
  bool unit_ok = true;
  switch (value.kind) {
    case ValueKind::kQuantity:
      if (value.has_number) {
        const auto* spec = ctx.codes.Quantity("percent");
        number = value.unit.empty() || !spec
                     ? std::optional<double>(value.number)
                     : CodeMap::ToCanonical(*spec, value.number, value.unit);
        if (!number && spec) number = CodeMap::ToCanonical(*spec, value.number, value.unit_text);
        unit_ok = number.has_value();
      }
      break;
    case ValueKind::kInteger:
      number = value.number;
      break;
    case ValueKind::kRatio:
      if (value.has_number) number = value.number * 100;
      break;
    case ValueKind::kString: {
      auto text = Trim(value.text);
      if (!text.empty() && text.back() == '%') text.remove_suffix(1);
      number = ParseNumber(text);
      break;
    }
    default:
      break;
  }
  if (!unit_ok) {
    ctx.Warn(ElementName(value),
             "unit '" + std::string(value.unit) + "' is not a percentage; not used");
    return std::nullopt;
  }
  if (!number) {
    WarnValueForm(value, ctx, "a percentage");
    return std::nullopt;
  }
  if (*number < 0 || *number > 100) {
    ctx.Warn(ElementName(value), Describe(value) +
                                     " is not a percentage between 0 and 100; "
                                     "not used");
    return std::nullopt;
  }
  return number;
}

std::optional<double> ReadQuantity(const FhirValue& value, std::string_view spec_id,
                                   ImportContext& ctx, bool unitless_ok) {
  const QuantitySpec* spec = ctx.codes.Quantity(spec_id);
  if (!spec) return std::nullopt;  // the pack is validated; a missing spec is a pack bug
  std::optional<double> number;
  if (value.kind == ValueKind::kQuantity && value.has_number) {
    number = CodeMap::ToCanonical(*spec, value.number, value.unit);
    if (!number) number = CodeMap::ToCanonical(*spec, value.number, value.unit_text);
    if (!number && value.unit.empty() && unitless_ok) number = value.number;
    if (!number) {
      ctx.Warn(ElementName(value), "unit '" + std::string(value.unit) + "' is not accepted (" +
                                       spec->canonical + " or a listed equivalent); not used");
      return std::nullopt;
    }
  } else if (unitless_ok &&
             (value.kind == ValueKind::kInteger || value.kind == ValueKind::kRatio) &&
             value.has_number) {
    number = value.number;
  } else if (unitless_ok && value.kind == ValueKind::kString) {
    number = ParseNumber(value.text);
  }
  if (!number) {
    WarnValueForm(value, ctx, "a quantity in " + spec->canonical);
    return std::nullopt;
  }
  if (*number < spec->min || *number > spec->max) {
    std::string message = Describe(value);
    if (value.kind == ValueKind::kQuantity)
      message += " (" + FormatNumber(*number) + " " + spec->canonical + ")";
    message += " is outside the plausible range " + FormatNumber(spec->min) + "-" +
               FormatNumber(spec->max) + " " + spec->canonical + "; not used";
    ctx.Warn(ElementName(value), std::move(message));
    return std::nullopt;
  }
  return number;
}

std::optional<Her2Ihc> ReadIhcScore(const FhirValue& value, const CodeMap& codes) {
  auto answer = AnswerOf(value, codes);
  if (answer == "ihc_0") return Her2Ihc::k0;
  if (answer == "ihc_1") return Her2Ihc::k1Plus;
  if (answer == "ihc_2") return Her2Ihc::k2Plus;
  if (answer == "ihc_3") return Her2Ihc::k3Plus;
  std::optional<double> number;
  if ((value.kind == ValueKind::kInteger || value.kind == ValueKind::kQuantity) &&
      value.has_number) {
    number = value.number;
  } else if (value.kind == ValueKind::kString || value.kind == ValueKind::kCodeable) {
    // "2+", "2 +", "0", "1+": the score as pathologists write it.
    std::string_view text =
        value.kind == ValueKind::kString ? value.text : ConceptText(value.coded);
    text = Trim(text);
    if (!text.empty() && text.back() == '+') text = Trim(text.substr(0, text.size() - 1));
    number = ParseNumber(text);
  }
  if (!number) return std::nullopt;
  if (*number == 0) return Her2Ihc::k0;
  if (*number == 1) return Her2Ihc::k1Plus;
  if (*number == 2) return Her2Ihc::k2Plus;
  if (*number == 3) return Her2Ihc::k3Plus;
  return std::nullopt;
}

}  // namespace oncnav::fhir
