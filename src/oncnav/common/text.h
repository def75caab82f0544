#pragma once

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>

namespace oncnav {

// Joins `parts` with one allocation. Used instead of `"literal" + std::string(x)` chains:
// GCC 12 at -O2/-O3 reports that pattern as an overlapping memcpy (-Werror=restrict, GCC bug
// 105651), and one allocation is also cheaper.
inline std::string Cat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (auto part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (auto part : parts) out.append(part.data(), part.size());
  return out;
}

// `value` as printf's %g writes it (3000, 2.5, 1e+07): the form numbers take in messages.
inline std::string FormatG(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", value);
  return buf;
}

}  // namespace oncnav
