#pragma once

#include <httplib.h>

#include <vector>

#include "oncnav/common/error.h"
#include "oncnav/knowledge/pack.h"
#include "oncnav/report/json_output.h"

namespace oncnav::server {

// A JSON body with its status.
void SendJson(httplib::Response& res, int status, const Json& body);
void SendJsonText(httplib::Response& res, int status, std::string body);

// The error document of docs/output.md ({"errors": [...]}) with the HTTP status of the first
// error in the catalogue; messages in `lang` when the pack has them.
void SendErrors(httplib::Response& res, const std::vector<Error>& errors, const KnowledgePack* pack,
                std::string_view lang);

}  // namespace oncnav::server
