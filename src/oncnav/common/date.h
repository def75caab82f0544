#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace oncnav {

// A calendar date (no time, no zone). Clinical records are dated by day; FHIR dateTimes are
// cut to their date part and partial dates ("2021", "2021-03") take the first day.
class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::sys_days days) : days_(days) {}
  static Date FromYmd(int year, unsigned month, unsigned day);

  // Parses "YYYY-MM-DD" (or, when allow_partial, "YYYY" / "YYYY-MM" / a FHIR dateTime).
  // Returns nullopt for anything else, including impossible days such as 2023-02-30.
  static std::optional<Date> Parse(std::string_view text, bool allow_partial = false);
  static Date Today();

  std::string ToString() const;  // "YYYY-MM-DD"
  std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }

  Date AddDays(int days) const { return Date(days_ + std::chrono::days{days}); }
  // Calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 = Feb 28/29).
  Date AddMonths(int months) const;

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days days_{};
};

// Whole days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(const Date& from, const Date& to);
// Whole calendar months from `from` to `to`, counting a month only once its day is reached.
int MonthsBetween(const Date& from, const Date& to);

}  // namespace oncnav
