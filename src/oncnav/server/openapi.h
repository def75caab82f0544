#pragma once

#include <vector>

#include "oncnav/report/json_output.h"
#include "oncnav/server/route.h"

namespace oncnav::server {

// The OpenAPI 3.0 document of the routes, generated from the route table the server registers:
// paths, parameters (path, query, If-Match), bodies, responses with the error document, and
// the bearer-token security with the least role of each operation (x-oncnav-role).
Json OpenApiDocument(const std::vector<Route>& routes);

}  // namespace oncnav::server
