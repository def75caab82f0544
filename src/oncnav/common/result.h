#pragma once

#include <cassert>
#include <utility>
#include <variant>
#include <vector>

#include "oncnav/common/error.h"

namespace oncnav {

// The outcome of an operation that can fail for expected reasons (bad input, a missing file).
// Holds either a value or at least one Error; readers report every problem they find in one
// pass, so a user fixes a record once rather than error by error.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::vector<Error>{std::move(error)}) {}  // NOLINT
  Result(std::vector<Error> errors) : state_(std::move(errors)) {        // NOLINT
    assert(!std::get<1>(state_).empty());
  }

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const std::vector<Error>& errors() const { return std::get<1>(state_); }
  const Error& error() const { return errors().front(); }

 private:
  std::variant<T, std::vector<Error>> state_;
};

}  // namespace oncnav
