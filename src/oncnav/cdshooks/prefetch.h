#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "oncnav/cdshooks/request.h"

namespace oncnav {

// Replaces the tokens of a prefetch template (current.md "Prefetch tokens"): {{context.<field>}}
// with a string or number context field, and {{userPractitionerId}}, {{userPractitionerRoleId}},
// {{userPatientId}}, {{userRelatedPersonId}} with the id part of context.userId when it has that
// type. nullopt when a token cannot be filled (then the query cannot be made).
std::optional<std::string> ResolvePrefetchTemplate(std::string_view tmpl, const Json& context);

// Whether the client satisfied a prefetch key: present, and not an OperationOutcome (which a
// client sends when its own query failed). A null value is satisfied: "no data".
bool PrefetchSatisfied(const Json& prefetch, std::string_view key);

// The required prefetch keys the request lacks, each with its resolved query.
std::map<std::string, std::string> MissingRequiredPrefetch(const CdsRequest& request);

// The optional prefetch keys the request does not carry at all, with their resolved queries
// (keys whose template cannot be filled from the context are left out).
std::map<std::string, std::string> MissingOptionalPrefetch(const CdsRequest& request);

}  // namespace oncnav
