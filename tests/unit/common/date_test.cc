#include "oncnav/common/date.h"

#include <gtest/gtest.h>

namespace oncnav {
namespace {

TEST(Date, ParsesAndPrintsCalendarDates) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromYmd(1907, 1, 5).ToString(), "1907-01-05");
}

TEST(Date, RefusesImpossibleOrMalformedDates) {
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2023-13-01"));
  EXPECT_FALSE(Date::Parse("2023-1-01"));
  EXPECT_FALSE(Date::Parse("20230101"));
  EXPECT_FALSE(Date::Parse("2023-01-01T10:00:00Z"));  // dateTime only when partial is allowed
}

TEST(Date, AcceptsFhirPartialDatesWhenAsked) {
  EXPECT_EQ(Date::Parse("2021", true)->ToString(), "2021-01-01");
  EXPECT_EQ(Date::Parse("2021-03", true)->ToString(), "2021-03-01");
  EXPECT_EQ(Date::Parse("2021-03-04T10:00:00+09:00", true)->ToString(), "2021-03-04");
}

TEST(Date, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(Date::FromYmd(2025, 1, 31).AddMonths(1).ToString(), "2025-02-28");
  EXPECT_EQ(Date::FromYmd(2024, 11, 30).AddMonths(3).ToString(), "2025-02-28");
  EXPECT_EQ(MonthsBetween(Date::FromYmd(2020, 1, 15), Date::FromYmd(2020, 7, 14)), 5);
  EXPECT_EQ(MonthsBetween(Date::FromYmd(2020, 1, 15), Date::FromYmd(2020, 7, 15)), 6);
  EXPECT_EQ(DaysBetween(Date::FromYmd(2026, 11, 3), Date::FromYmd(2026, 11, 21)), 18);
}

}  // namespace
}  // namespace oncnav
