#include "fhir_test_support.h"

namespace oncnav {
namespace {

using testing::BundleOf;
using testing::Entry;
using testing::ImportText;

TEST(FhirErrors, WrongTopLevelResourceType) {
  auto result = ImportText(R"({"resourceType":"Patient","id":"p1"})");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kWrongResourceType);
  EXPECT_EQ(result.error().field, "resourceType");
  EXPECT_NE(result.error().reason.find("'Patient'"), std::string::npos);
}

TEST(FhirErrors, NotAnObjectAtTopLevel) {
  auto result = ImportText("[1,2]");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kWrongResourceType);
  EXPECT_EQ(result.error().field, "resourceType");
}

TEST(FhirErrors, BadEntriesAreAllReported) {
  auto result = ImportText(BundleOf(R"(3, {"fullUrl":"x"}, {"resource":{"id":"a"}},
      {"resource":{"resourceType":7}})"));
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.errors().size(), 4u);
  EXPECT_EQ(result.errors()[0].code, ErrorCode::kInvalidType);
  EXPECT_EQ(result.errors()[0].field, "entry[0]");
  EXPECT_EQ(result.errors()[1].code, ErrorCode::kMissingField);
  EXPECT_EQ(result.errors()[1].field, "entry[1].resource");
  EXPECT_EQ(result.errors()[2].code, ErrorCode::kMissingField);
  EXPECT_EQ(result.errors()[2].field, "entry[2].resource.resourceType");
  EXPECT_EQ(result.errors()[3].code, ErrorCode::kInvalidType);
  EXPECT_EQ(result.errors()[3].field, "entry[3].resource.resourceType");
}

TEST(FhirErrors, FutureDateNamesTheField) {
  auto result = ImportText(
      BundleOf(Entry(R"({"resourceType":"Patient","id":"p1","birthDate":"1960-05-01"})") + "," +
               Entry(R"({"resourceType":"Observation","id":"w1","status":"final",
        "code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
        "effectiveDateTime":"2027-01-05T10:00:00Z",
        "valueQuantity":{"value":60,"unit":"kg","code":"kg"}})")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidDate);
  EXPECT_EQ(result.error().field, "entry[1].resource.effectiveDateTime");
  EXPECT_NE(result.error().reason.find("2027-01-05"), std::string::npos);
}

TEST(FhirErrors, DateBeforeBirthNamesTheField) {
  auto result = ImportText(
      BundleOf(Entry(R"({"resourceType":"Patient","id":"p1","birthDate":"1960-05-01"})") + "," +
               Entry(R"({"resourceType":"Condition","id":"c1",
        "code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},
        "onsetDateTime":"1950-01-01"})")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidDate);
  EXPECT_EQ(result.error().field, "entry[1].resource.onsetDateTime");
  EXPECT_NE(result.error().reason.find("birth"), std::string::npos);
}

TEST(FhirErrors, MalformedDateNamesTheField) {
  auto result = ImportText(
      BundleOf(Entry(R"({"resourceType":"Patient","id":"p1","birthDate":"1960-13-01"})")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidDate);
  EXPECT_EQ(result.error().field, "entry[0].resource.birthDate");
}

TEST(FhirErrors, EmptyBundleIsAnEmptyRecord) {
  auto result = ImportText(R"({"resourceType":"Bundle","type":"searchset"})");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->warnings.empty());
  EXPECT_FALSE(result->record.primary.has_value());
}

}  // namespace
}  // namespace oncnav
