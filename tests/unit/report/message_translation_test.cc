// FHIR import warnings and input errors are shown in the requested language, with the English
// text kept as `message` / `reason`.
#include <gtest/gtest.h>

#include "../fhir/fhir_test_support.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/error_output.h"
#include "oncnav/report/json_output.h"

namespace oncnav {
namespace {

using testing::BundleOf;
using testing::Entry;
using testing::ImportText;
using testing::Pack;

bool HasKana(const std::string& s) {
  // Hiragana and katakana are U+3040-U+30FF: UTF-8 E3 81 80 .. E3 83 BF.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE3 && b1 >= 0x81 && b1 <= 0x83) return true;
  }
  return false;
}

bool HasCjk(const std::string& s) {
  // CJK unified ideographs U+4E00-U+9FFF: UTF-8 lead bytes E4..E9.
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0xE4 && b <= 0xE9) return true;
  }
  return false;
}

// The localized text must not keep the English wording around the data.
void ExpectTranslated(const std::string& en, const std::string& ja, const std::string& zh,
                      std::initializer_list<const char*> english_words) {
  EXPECT_NE(ja, en);
  EXPECT_NE(zh, en);
  EXPECT_TRUE(HasKana(ja)) << ja;
  EXPECT_TRUE(HasCjk(zh)) << zh;
  EXPECT_FALSE(HasKana(zh)) << zh;
  for (const char* word : english_words) {
    EXPECT_NE(en.find(word), std::string::npos) << "'" << word << "' not in: " << en;
    EXPECT_EQ(ja.find(word), std::string::npos) << ja;
    EXPECT_EQ(zh.find(word), std::string::npos) << zh;
  }
}

ImportedRecord ImportOk(const std::string& entries) {
  auto result = ImportText(BundleOf(entries));
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
  return result.ok() ? std::move(result).value() : ImportedRecord{};
}

const ImportWarning& Only(const ImportedRecord& r) {
  EXPECT_EQ(r.warnings.size(), 1u);
  static const ImportWarning none;
  return r.warnings.empty() ? none : r.warnings.front();
}

TEST(MessageTranslation, FhirValueFormWarning) {
  // An HER2 IHC score of 4: the warning names the expected form through a nested text.
  auto r = ImportOk(Entry(
      R"({"resourceType":"Observation","id":"h","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85319-2"}]},"effectiveDateTime":"2024-02-01","valueInteger":4})"));
  const auto& w = Only(r);
  EXPECT_EQ(w.code, "fhir.value-not-understood");
  EXPECT_EQ(w.message, "4 is not understood as a HER2 IHC score (0, 1+, 2+, 3+); not used");
  EXPECT_EQ(WarningMessage(w, Pack(), "en"), w.message);
  std::string ja = WarningMessage(w, Pack(), "ja");
  std::string zh = WarningMessage(w, Pack(), "zh");
  ExpectTranslated(w.message, ja, zh, {"not understood", "not used"});
  EXPECT_NE(ja.find("HER2 IHC スコア"), std::string::npos) << ja;
  EXPECT_NE(zh.find("HER2 IHC 评分"), std::string::npos) << zh;
}

TEST(MessageTranslation, GroupedUnusedResourcesKeepTheirCode) {
  std::string family = R"({"resourceType":"FamilyMemberHistory","id":"f1"})";
  std::string family2 = R"({"resourceType":"FamilyMemberHistory","id":"f2"})";
  auto r = ImportOk(Entry(family) + "," + Entry(family2));
  const auto& w = Only(r);
  EXPECT_EQ(w.code, "fhir.resource-type-unused-many");
  EXPECT_EQ(w.message,
            "FamilyMemberHistory resources are not used by oncnav (2 resources like this; the "
            "first is named)");
  std::string ja = WarningMessage(w, Pack(), "ja");
  std::string zh = WarningMessage(w, Pack(), "zh");
  ExpectTranslated(w.message, ja, zh, {"are not used", "resources like this"});
  EXPECT_NE(ja.find("FamilyMemberHistory"), std::string::npos) << ja;
  EXPECT_NE(zh.find("2"), std::string::npos) << zh;
}

TEST(MessageTranslation, FhirWarningInTheJsonOutput) {
  auto r = ImportOk(Entry(R"({"resourceType":"Patient","id":"p","gender":"robot"})"));
  auto en = ImportWarningsToJson(r.warnings, Pack(), "en");
  auto ja = ImportWarningsToJson(r.warnings, Pack(), "ja");
  ASSERT_EQ(ja.size(), 1u);
  EXPECT_EQ(ja[0]["code"], "fhir.gender-not-fhir");
  EXPECT_EQ(en[0]["message"], "gender 'robot' is not a FHIR gender code; not used");
  std::string zh = ImportWarningsToJson(r.warnings, Pack(), "zh")[0]["message"];
  ExpectTranslated(en[0]["message"], ja[0]["message"], zh, {"gender code", "not used"});
}

TEST(MessageTranslation, NativeInputError) {
  std::string record = R"({"format":"oncnav-patient","format_version":1,
    "patient":{"id":"x","sex":"female","birth_date":"1960-01-01"},
    "pathology":[{"date":"2026-01-01","er_percent":140}]})";
  simdjson::dom::parser parser;
  auto result = LoadRecord(record, Pack(), testing::AsOf(), parser);
  ASSERT_FALSE(result.ok());
  const Error& e = result.error();
  EXPECT_EQ(e.field, "pathology[0].er_percent");
  EXPECT_EQ(e.reason, "140 is outside the possible range 0 to 100");
  EXPECT_EQ(e.message_key, "input.out-of-range");
  EXPECT_EQ(ErrorMessage(e, &Pack(), "en"), e.reason);
  EXPECT_EQ(ErrorMessage(e, nullptr, "ja"), e.reason);  // no pack: the English reason
  std::string ja = ErrorMessage(e, &Pack(), "ja");
  std::string zh = ErrorMessage(e, &Pack(), "zh");
  ExpectTranslated(e.reason, ja, zh, {"outside the possible range"});
  EXPECT_EQ(ErrorLine(e, &Pack(), "ja"), "pathology[0].er_percent: " + ja);

  auto json = ErrorsToJson(result.errors(), &Pack(), "zh");
  ASSERT_EQ(json["errors"].size(), 1u);
  EXPECT_EQ(json["errors"][0]["code"], "invalid-value");
  EXPECT_EQ(json["errors"][0]["field"], "pathology[0].er_percent");
  EXPECT_EQ(json["errors"][0]["reason"], e.reason);
  EXPECT_EQ(json["errors"][0]["message"], zh);
  EXPECT_EQ(json["errors"][0]["message_key"], "input.out-of-range");
}

TEST(MessageTranslation, FhirInputError) {
  auto result = ImportText(
      BundleOf(Entry(R"({"resourceType":"Patient","id":"p1","birthDate":"1960-05-01"})") + "," +
               Entry(R"({"resourceType":"Observation","id":"w1","status":"final",
        "code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
        "effectiveDateTime":"2027-01-05",
        "valueQuantity":{"value":60,"unit":"kg","code":"kg"}})")));
  ASSERT_FALSE(result.ok());
  const Error& e = result.error();
  EXPECT_EQ(e.message_key, "input.fhir-date-after-as-of");
  EXPECT_EQ(e.reason, "2027-01-05 is after the evaluation date 2026-11-21");
  ExpectTranslated(e.reason, ErrorMessage(e, &Pack(), "ja"), ErrorMessage(e, &Pack(), "zh"),
                   {"is after the evaluation date"});
}

}  // namespace
}  // namespace oncnav
