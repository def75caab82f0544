#include "oncnav/common/date.h"

#include <charconv>

namespace oncnav {
namespace {

bool ParseInt(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

Date Date::FromYmd(int year, unsigned month, unsigned day) {
  return Date(std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                                    std::chrono::day{day}});
}

std::optional<Date> Date::Parse(std::string_view text, bool allow_partial) {
  if (allow_partial && text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  int year = 0, month = 1, day = 1;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!ParseInt(text.substr(0, 4), year) || !ParseInt(text.substr(5, 2), month) ||
        !ParseInt(text.substr(8, 2), day)) {
      return std::nullopt;
    }
  } else if (allow_partial && text.size() == 7 && text[4] == '-') {
    if (!ParseInt(text.substr(0, 4), year) || !ParseInt(text.substr(5, 2), month)) {
      return std::nullopt;
    }
  } else if (allow_partial && text.size() == 4) {
    if (!ParseInt(text, year)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{year},
                                  std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || year < 1800) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
}

Date Date::Today() {
  return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string Date::ToString() const {
  // Written digit by digit: this runs for every dated finding, and snprintf dominated.
  auto d = ymd();
  int y = static_cast<int>(d.year());
  unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  std::string out(10, '0');
  for (int i = 3; i >= 0; --i, y /= 10)
    out[static_cast<size_t>(i)] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

Date Date::AddMonths(int months) const {
  auto d = ymd();
  std::chrono::year_month ym = d.year() / d.month();
  ym += std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  auto day = d.day() > last.day() ? last.day() : d.day();
  return Date(std::chrono::sys_days{ym.year() / ym.month() / day});
}

int DaysBetween(const Date& from, const Date& to) {
  return static_cast<int>((to.days() - from.days()).count());
}

int MonthsBetween(const Date& from, const Date& to) {
  if (to < from) return -MonthsBetween(to, from);
  auto a = from.ymd();
  auto b = to.ymd();
  int months = (static_cast<int>(b.year()) - static_cast<int>(a.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(b.month())) -
                static_cast<int>(static_cast<unsigned>(a.month())));
  if (b.day() < a.day()) --months;
  return months;
}

}  // namespace oncnav
