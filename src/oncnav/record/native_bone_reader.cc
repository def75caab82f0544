#include "oncnav/record/native_bone_reader.h"

#include "oncnav/calc/bilsky.h"
#include "oncnav/calc/mirels.h"
#include "oncnav/calc/sins.h"
#include "oncnav/common/text.h"

namespace oncnav {
namespace {

using simdjson::dom::object;
using Scope = FieldReader::Scope;

// A string that must be one of `allowed`; anything else is an error listing them.
std::string OneOf(FieldReader& r, object o, std::string_view key,
                  const std::vector<std::string>& allowed, bool required = false) {
  auto text = r.String(o, key, required);
  if (!text) return "";
  for (const auto& a : allowed) {
    if (a == *text) return a;
  }
  std::string list;
  for (const auto& a : allowed) list += Cat({list.empty() ? "" : ", ", a});
  r.Fail(ErrorCode::kInvalidValue, key, "input.not-one-of",
         {{"value", std::string(*text)}, {"allowed", list}});
  return "";
}

// Calculator errors name the input ("site"); report them under the record's path.
void Report(FieldReader& r, const std::vector<Error>& errors) {
  for (const auto& e : errors) {
    r.Fail(e.code, e.field, "input.score-input", {{"reason", e.reason}});
  }
}

std::string Str(FieldReader& r, object o, std::string_view key) {
  return std::string(r.String(o, key).value_or(""));
}

std::optional<MirelsRecord> ReadMirels(FieldReader& r, object parent, const KnowledgePack& pack) {
  auto o = r.Object(parent, "mirels");
  if (!o) return std::nullopt;
  Scope s(r, "mirels");
  r.CheckKnownKeys(
      *o, {"site", "pain", "lesion", "size", "axial_cortical_mm", "circumferential_percent"});
  MirelsRecord m{Str(r, *o, "site"),
                 Str(r, *o, "pain"),
                 Str(r, *o, "lesion"),
                 Str(r, *o, "size"),
                 r.Number(*o, "axial_cortical_mm", 0, 2000),
                 r.Number(*o, "circumferential_percent", 0, 100)};
  auto score = MirelsScore(
      {m.site, m.pain, m.lesion, m.size, m.axial_cortical_mm, m.circumferential_percent}, pack);
  if (!score) {
    Report(r, score.errors());
    return std::nullopt;
  }
  return m;
}

std::optional<SinsRecord> ReadSins(FieldReader& r, object parent, const KnowledgePack& pack) {
  auto o = r.Object(parent, "sins");
  if (!o) return std::nullopt;
  Scope s(r, "sins");
  r.CheckKnownKeys(
      *o, {"location", "level", "pain", "lesion", "alignment", "collapse", "posterolateral"});
  SinsRecord m{Str(r, *o, "location"),      Str(r, *o, "level"),     Str(r, *o, "pain"),
               Str(r, *o, "lesion"),        Str(r, *o, "alignment"), Str(r, *o, "collapse"),
               Str(r, *o, "posterolateral")};
  auto score = SinsScore(
      {m.location, m.level, m.pain, m.lesion, m.alignment, m.collapse, m.posterolateral}, pack);
  if (!score) {
    Report(r, score.errors());
    return std::nullopt;
  }
  return m;
}

void ReadAssessments(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec) {
  ForEachObject(r, root, "bone_assessments", [&](object o) {
    r.CheckKnownKeys(
        o, {"date", "site", "mirels", "sins", "bilsky", "neurological_deficit", "painful"});
    BoneLesionAssessment a;
    auto date = r.DateField(o, "date", true);
    a.site = std::string(r.String(o, "site", true).value_or(""));
    a.mirels = ReadMirels(r, o, pack);
    a.sins = ReadSins(r, o, pack);
    if (auto grade = r.String(o, "bilsky")) {
      Scope s(r, "bilsky");
      auto b = BilskyGrade(std::string(*grade), pack);
      if (b) {
        a.bilsky = b->grade;
      } else {
        for (const auto& e : b.errors()) {
          r.Fail(e.code, "", "input.score-input", {{"reason", e.reason}});
        }
      }
    }
    a.neurological_deficit = r.Bool(o, "neurological_deficit");
    a.painful = r.Bool(o, "painful");
    if (date) {
      a.date = *date;
      rec.bone_assessments.push_back(std::move(a));
    }
  });
}

void ReadSkeletalEvents(FieldReader& r, object root, const KnowledgePack& pack,
                        PatientRecord& rec) {
  const LocalTherapyConfig& c = pack.local_therapy;
  std::vector<std::string> definitions;
  for (const auto& d : c.sre_definitions) definitions.push_back(d.id);
  ForEachObject(r, root, "skeletal_events", [&](object o) {
    r.CheckKnownKeys(o, {"date", "type", "site", "sre_definition"});
    SkeletalEvent e;
    auto date = r.DateField(o, "date", true);
    e.type = OneOf(r, o, "type", c.sre_types, true);
    e.site = Str(r, o, "site");
    e.definition = OneOf(r, o, "sre_definition", definitions);
    if (date && !e.type.empty()) {
      e.date = *date;
      rec.skeletal_events.push_back(std::move(e));
    }
  });
}

void ReadSymptoms(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec) {
  std::vector<std::string> codes;
  for (const auto& s : pack.local_therapy.symptoms) codes.push_back(s.code);
  static const std::vector<std::string> kSeverities = {"mild", "moderate", "severe"};
  ForEachObject(r, root, "symptoms", [&](object o) {
    r.CheckKnownKeys(o, {"date", "code", "resolved", "severity", "nrs", "site", "notes"});
    Symptom s;
    auto date = r.DateField(o, "date", true);
    s.code = OneOf(r, o, "code", codes, true);
    s.resolved = r.DateField(o, "resolved");
    s.severity = OneOf(r, o, "severity", kSeverities);
    s.nrs = r.Integer(o, "nrs", 0, 10);
    s.site = Str(r, o, "site");
    s.notes = Str(r, o, "notes");
    if (s.nrs && !s.code.empty() && !pack.local_therapy.FindSymptom(s.code)->pain) {
      r.Fail(ErrorCode::kInvalidValue, "nrs", "input.nrs-not-pain", {{"code", s.code}});
    }
    if (date && s.resolved && *s.resolved < *date) {
      r.Fail(ErrorCode::kInvalidDate, "resolved", "input.resolved-before-date",
             {{"date", date->ToString()}});
    }
    if (date && !s.code.empty()) {
      s.date = *date;
      rec.symptoms.push_back(std::move(s));
    }
  });
}

}  // namespace

void ReadBoneCare(FieldReader& r, object root, const KnowledgePack& pack, PatientRecord& rec) {
  ReadAssessments(r, root, pack, rec);
  ReadSkeletalEvents(r, root, pack, rec);
  ReadSymptoms(r, root, pack, rec);
}

}  // namespace oncnav
