#include "oncnav/fhir/fhir_value.h"

namespace oncnav::fhir {

std::optional<element> Member(const element& obj, std::string_view key) {
  element out;
  if (obj[key].get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

std::string_view Str(const element& obj, std::string_view key) {
  std::string_view out;
  if (obj[key].get_string().get(out) != simdjson::SUCCESS) return {};
  return out;
}

std::optional<double> Num(const element& value) {
  double d;
  if (value.get_double().get(d) == simdjson::SUCCESS) return d;
  int64_t i;
  if (value.get_int64().get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  uint64_t u;
  if (value.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<double>(u);
  return std::nullopt;
}

std::string_view ConceptText(const element& cc) {
  auto text = Str(cc, "text");
  if (!text.empty()) return text;
  std::string_view found;
  ForEachCoding(cc, [&](std::string_view, std::string_view code, std::string_view display) {
    found = display.empty() ? code : display;
    return !found.empty();
  });
  return found;
}

std::string_view LookupCode(const CodeMap& codes, CodeTable table, const element& cc) {
  std::string_view found;
  ForEachCoding(cc, [&](std::string_view system, std::string_view code, std::string_view) {
    found = codes.Lookup(table, system, code);
    return !found.empty();
  });
  return found;
}

std::string_view MatchConceptText(const CodeMap& codes, CodeTable table, const element& cc) {
  std::string_view found;
  ForEachCoding(cc, [&](std::string_view, std::string_view, std::string_view display) {
    found = codes.MatchText(table, display);
    return !found.empty();
  });
  if (!found.empty()) return found;
  return codes.MatchText(table, Str(cc, "text"));
}

std::string_view LookupConcept(const CodeMap& codes, CodeTable table, const element& cc) {
  auto found = LookupCode(codes, table, cc);
  if (!found.empty()) return found;
  return MatchConceptText(codes, table, cc);
}

std::string_view ReferenceId(std::string_view reference) {
  constexpr std::string_view kUrn = "urn:uuid:";
  if (reference.substr(0, kUrn.size()) == kUrn) return reference.substr(kUrn.size());
  if (!reference.empty() && reference.front() == '#') return reference.substr(1);
  auto slash = reference.rfind('/');
  // "Patient/1/_history/2" names version 2 of Patient/1.
  if (slash != std::string_view::npos && slash >= 9 &&
      reference.substr(0, slash).ends_with("/_history")) {
    auto base = reference.substr(0, slash - 9);
    auto id_slash = base.rfind('/');
    return id_slash == std::string_view::npos ? base : base.substr(id_slash + 1);
  }
  return slash == std::string_view::npos ? reference : reference.substr(slash + 1);
}

std::string_view ReferenceIdOf(const element& obj, std::string_view key) {
  auto ref = Member(obj, key);
  if (!ref) return {};
  return ReferenceId(Str(*ref, "reference"));
}

bool HasProfile(const element& res, std::string_view id) {
  auto meta = Member(res, "meta");
  if (!meta) return false;
  bool found = false;
  ForEach(*meta, "profile", [&](const element& p) {
    std::string_view url;
    if (p.get_string().get(url) == simdjson::SUCCESS && url.ends_with(id)) found = true;
  });
  return found;
}

std::optional<element> FindExtension(const element& obj, std::string_view url_suffix) {
  std::optional<element> found;
  ForEach(obj, "extension", [&](const element& ext) {
    if (!found && Str(ext, "url").ends_with(url_suffix)) found = ext;
  });
  return found;
}

bool ContainsNoCase(std::string_view text, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  if (text.size() < lower_needle.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= text.size(); ++i) {
    size_t j = 0;
    for (; j < lower_needle.size(); ++j) {
      char c = text[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower_needle[j]) break;
    }
    if (j == lower_needle.size()) return true;
  }
  return false;
}

FhirValue ReadValue(const element& obj) {
  FhirValue v;
  simdjson::dom::object fields;
  if (obj.get_object().get(fields) != simdjson::SUCCESS) return v;
  for (auto field : fields) {
    std::string_view key = field.key;
    if (key.size() <= 5 || key.substr(0, 5) != "value") continue;
    v.element_name = key;
    const element& val = field.value;
    if (key == "valueCodeableConcept") {
      v.kind = ValueKind::kCodeable;
      v.coded = val;
    } else if (key == "valueString") {
      v.kind = val.get_string().get(v.text) == simdjson::SUCCESS ? ValueKind::kString
                                                                 : ValueKind::kOther;
    } else if (key == "valueQuantity") {
      v.kind = ValueKind::kQuantity;
      auto number = Member(val, "value");
      if (number) {
        auto n = Num(*number);
        v.has_number = n.has_value();
        v.number = n.value_or(0);
      }
      v.unit = Str(val, "code");
      v.unit_text = Str(val, "unit");
      if (v.unit.empty()) v.unit = v.unit_text;
    } else if (key == "valueInteger") {
      auto n = Num(val);
      v.kind = n ? ValueKind::kInteger : ValueKind::kOther;
      v.has_number = n.has_value();
      v.number = n.value_or(0);
    } else if (key == "valueBoolean") {
      v.kind = val.get_bool().get(v.boolean) == simdjson::SUCCESS ? ValueKind::kBoolean
                                                                  : ValueKind::kOther;
    } else if (key == "valueRatio") {
      v.kind = ValueKind::kRatio;
      auto num = Member(val, "numerator");
      auto den = Member(val, "denominator");
      std::optional<double> n, d = 1.0;
      if (num) {
        if (auto x = Member(*num, "value")) n = Num(*x);
      }
      if (den) {
        d.reset();
        if (auto x = Member(*den, "value")) d = Num(*x);
      }
      if (n && d && *d != 0) {
        v.has_number = true;
        v.number = *n / *d;
      }
    } else {
      v.kind = ValueKind::kOther;
    }
    return v;
  }
  return v;
}

}  // namespace oncnav::fhir
