#include "oncnav/cdshooks/feedback.h"

#include <gtest/gtest.h>

namespace oncnav {
namespace {

std::string FirstField(const char* body) {
  auto r = ParseFeedback(Json::parse(body));
  EXPECT_FALSE(r.ok()) << body;
  return r.ok() ? "" : r.error().field;
}

TEST(CdsFeedback, RejectsWhatTheSpecificationForbids) {
  EXPECT_EQ(FirstField(R"({})"), "feedback");
  EXPECT_EQ(FirstField(R"({"feedback": []})"), "feedback");
  EXPECT_EQ(FirstField(R"({"feedback": [{"outcome": "overridden",
      "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].card");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "ignored",
      "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].outcome");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "accepted",
      "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].acceptedSuggestions");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "accepted",
      "acceptedSuggestions": [{}], "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].acceptedSuggestions[0].id");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "overridden",
      "outcomeTimestamp": "11/12/2020"}]})"),
            "feedback[0].outcomeTimestamp");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "overridden",
      "overrideReason": {"reason": {"code": "x"}},
      "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].overrideReason.reason.system");
  EXPECT_EQ(FirstField(R"({"feedback": [{"card": "c", "outcome": "accepted",
      "acceptedSuggestions": [{"id": "s"}], "overrideReason": {"userComment": "no"},
      "outcomeTimestamp": "2020-12-11T00:00:00Z"}]})"),
            "feedback[0].overrideReason");
}

TEST(CdsFeedback, AcceptsAllItemsAndOffsets) {
  auto r = ParseFeedback(Json::parse(R"({"feedback": [
      {"card": "a", "outcome": "overridden", "overrideReason": {"userComment": "not now"},
       "outcomeTimestamp": "1985-04-12T23:20:50.52Z"},
      {"card": "b", "outcome": "accepted", "acceptedSuggestions": [{"id": "s1"}, {"id": "s2"}],
       "outcomeTimestamp": "2020-12-11T09:00:00+09:00"}]})"));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  ASSERT_EQ(r->items.size(), 2u);
  EXPECT_EQ(r->items[0].user_comment, "not now");
  EXPECT_FALSE(r->items[0].override_reason);
  EXPECT_EQ(r->items[1].accepted_suggestions, (std::vector<std::string>{"s1", "s2"}));
}

}  // namespace
}  // namespace oncnav
