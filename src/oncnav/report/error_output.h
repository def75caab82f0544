#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/report/json_output.h"

namespace oncnav {

// The reason of `e` in `lang` when it carries a text key the pack knows; otherwise (no pack,
// no key, or English) its English reason.
std::string ErrorMessage(const Error& e, const KnowledgePack* pack, std::string_view lang);

// "field: message" (or the message alone when no field applies), in `lang` as above.
std::string ErrorLine(const Error& e, const KnowledgePack* pack, std::string_view lang);

// The error document (docs/output.md, "Errors"): {"errors": [{code, field, reason, message,
// message_key?}]}. `reason` stays English; `message` is the reason in `lang`.
Json ErrorsToJson(const std::vector<Error>& errors, const KnowledgePack* pack,
                  std::string_view lang);

}  // namespace oncnav
