#pragma once

#include <nlohmann/json.hpp>

namespace oncnav {

// Output documents keep their members in the order written (docs/output.md).
using Json = nlohmann::ordered_json;

// An empty object with room for `fields` members. ordered_json stores members as a vector of
// pairs with const keys, which cannot be moved: each time the vector grows it copies every
// value already inserted, subtrees included. Reserving first keeps building a document linear.
inline Json ObjectWithRoom(size_t fields) {
  Json j = Json::object();
  j.get_ref<Json::object_t&>().reserve(fields);
  return j;
}

}  // namespace oncnav
