#include "oncnav/fhir/value_parsing.h"

#include <charconv>

#include "oncnav/fhir/text.h"

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
      return Cat({FormatNumber(value.number), " ", value.unit});
    case ValueKind::kInteger:
    case ValueKind::kRatio:
      return FormatNumber(value.number);
    case ValueKind::kString:
      return Cat({"'", value.text, "'"});
    case ValueKind::kCodeable:
      return Cat({"'", ConceptText(value.coded), "'"});
    case ValueKind::kBoolean:
      return value.boolean ? "true" : "false";
    default:
      return std::string(ElementName(value));
  }
}

// The quantity in the canonical unit of `spec`, read with its UCUM code and failing that its
// unit text. Marks FHIR-UNITS when the unit was not already the canonical one.
std::optional<double> Canonical(const QuantitySpec& spec, const FhirValue& value,
                                ImportContext& ctx) {
  std::string_view unit = value.unit;
  auto number = CodeMap::ToCanonical(spec, value.number, unit);
  if (!number) {
    unit = value.unit_text;
    number = CodeMap::ToCanonical(spec, value.number, unit);
  }
  if (number && unit != spec.canonical) ctx.Mark(ImportRule::kUnits);
  return number;
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

std::string FormatNumber(double value) { return FormatG(value); }

std::string_view AnswerOf(const FhirValue& value, const CodeMap& codes) {
  if (value.kind == ValueKind::kCodeable) {
    return LookupConcept(codes, CodeTable::kAnswer, value.coded);
  }
  if (value.kind == ValueKind::kString) return codes.MatchText(CodeTable::kAnswer, value.text);
  return {};
}

void WarnValueForm(const FhirValue& value, ImportContext& ctx, std::string_view what_key,
                   Texts::Params params) {
  ctx.Mark(ImportRule::kUnmapped);
  params.emplace_back("what", Cat({"@", what_key}));
  if (value.kind == ValueKind::kNone) {
    ctx.Warn("value[x]", "fhir.value-missing", std::move(params));
    return;
  }
  params.emplace_back("value", Describe(value));
  ctx.Warn(ElementName(value), "fhir.value-not-understood", std::move(params));
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
        number = value.unit.empty() || !spec ? std::optional<double>(value.number)
                                             : Canonical(*spec, value, ctx);
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
    ctx.Mark(ImportRule::kImplausible);
    ctx.Mark(ImportRule::kUnits);
    ctx.Warn(ElementName(value), "fhir.unit-not-percentage", {{"unit", std::string(value.unit)}});
    return std::nullopt;
  }
  if (!number) {
    WarnValueForm(value, ctx, "fhir.what.percentage");
    return std::nullopt;
  }
  if (*number < 0 || *number > 100) {
    ctx.Mark(ImportRule::kImplausible);
    ctx.Warn(ElementName(value), "fhir.percentage-out-of-range", {{"value", Describe(value)}});
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
    number = Canonical(*spec, value, ctx);
    if (!number && value.unit.empty() && unitless_ok) number = value.number;
    if (!number) {
      ctx.Mark(ImportRule::kImplausible);
      ctx.Mark(ImportRule::kUnits);
      ctx.Warn(ElementName(value), "fhir.unit-not-accepted",
               {{"unit", std::string(value.unit)}, {"canonical", spec->canonical}});
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
    WarnValueForm(value, ctx, "fhir.what.quantity", {{"canonical", spec->canonical}});
    return std::nullopt;
  }
  if (*number < spec->min || *number > spec->max) {
    ctx.Mark(ImportRule::kImplausible);
    Texts::Params params = {{"value", Describe(value)},
                            {"min", FormatNumber(spec->min)},
                            {"max", FormatNumber(spec->max)},
                            {"canonical", spec->canonical}};
    std::string_view key = "fhir.quantity-implausible";
    if (value.kind == ValueKind::kQuantity) {
      params.emplace_back("converted", FormatNumber(*number));
      key = "fhir.quantity-implausible-converted";
    }
    ctx.Warn(ElementName(value), key, std::move(params));
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
