#include "oncnav/server/server.h"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <regex>
#include <thread>

#include "oncnav/cdshooks/jwt.h"
#include "oncnav/common/text.h"
#include "oncnav/report/error_output.h"
#include "oncnav/server/http_response.h"
#include "oncnav/server/openapi.h"
#include "oncnav/server/patient_document.h"
#include "oncnav/server/rate_limiter.h"
#include "oncnav/server/token.h"

namespace oncnav::server {

struct Server::Impl {
  Impl(ServerConfig c, std::unique_ptr<storage::PatientStore> s, KnowledgePack p, CdsKnowledge k)
      : store(std::move(s)),
        pack(std::move(p)),
        cds(std::move(k)),
        evaluations(c.evaluation_cache_mb << 20),
        api{std::move(c), *store, pack, cds, evaluations},
        limiter(api.config.rate_limit_per_minute) {}

  std::unique_ptr<storage::PatientStore> store;
  KnowledgePack pack;
  CdsKnowledge cds;
  EvaluationCache evaluations;
  ApiContext api;
  RateLimiter limiter;
  httplib::Server http;
  std::string openapi;
  std::string public_url;  // config.public_url, or the bound address (set by Bind)

  void Handle(const Route& route, const httplib::Request& req, httplib::Response& res);
  Result<std::string> AuthenticateCdsClient(const httplib::Request& req);
  void Log(const std::string& method, const std::string& path, int status,
           std::chrono::steady_clock::time_point start) const;
};

namespace {

// "/patients/{id}/history" -> "/patients/([^/]+)/history".
std::string PathRegex(const std::string& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      i = path.find('}', i);
      out += "([^/]+)";
    } else if (path[i] == '.') {
      out += "\\.";
    } else {
      out += path[i];
    }
  }
  return out;
}

void Refuse(httplib::Response& res, ErrorCode code, const char* reason) {
  SendErrors(res, {{code, "Authorization", reason}}, nullptr, "en");
}

}  // namespace

void Server::Impl::Log(const std::string& method, const std::string& path, int status,
                       std::chrono::steady_clock::time_point start) const {
  if (!api.config.access_log) return;
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // The route's pattern, never the request path: paths carry patient ids.
  std::fprintf(stderr, "%s %s %s %d %.2fms\n", storage::NowTimestamp().c_str(), method.c_str(),
               path.c_str(), status, ms);
}

// The client's JWT checked against the trusted keys, with `aud` = the URL called, and its jti
// remembered so that it cannot be replayed. Returns the client's issuer.
Result<std::string> Server::Impl::AuthenticateCdsClient(const httplib::Request& req) {
  if (api.config.cds_clients.empty()) {
    return Error{ErrorCode::kCdsUnauthorized, "Authorization",
                 "this server trusts no CDS client yet: add the client's key to cds_clients in "
                 "the configuration"};
  }
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) != 0) {
    return Error{ErrorCode::kCdsUnauthorized, "Authorization",
                 "send the CDS client's JWT: Authorization: Bearer JWT"};
  }
  int64_t now = std::time(nullptr);
  auto claims = VerifyCdsJwt(std::string_view(auth).substr(7), api.config.cds_clients,
                             Cat({public_url, req.path}), now);
  if (!claims) return claims.errors();
  auto fresh = store->RememberJwtId(claims->iss, claims->jti, claims->exp, now);
  if (!fresh) return fresh.errors();
  return claims->iss;
}

void Server::Impl::Handle(const Route& route, const httplib::Request& req, httplib::Response& res) {
  auto start = std::chrono::steady_clock::now();
  Exchange ex{req, res, {}, {}, {}, false, route.audit_action, {}};
  for (size_t i = 1; i < req.matches.size(); ++i) ex.path_params.push_back(req.matches[i].str());
  bool has_id = !ex.path_params.empty() && route.path.rfind("/patients/{id}", 0) == 0;
  if (has_id && IsValidPatientId(ex.path_params[0])) ex.audit_patient = ex.path_params[0];
  std::string actor = "-";

  std::string auth = req.get_header_value("Authorization");
  // A JWT is new on every CDS call: CDS clients are limited by address.
  std::string token =
      auth.rfind("Bearer ", 0) == 0 && !route.cds_jwt ? auth.substr(7) : std::string();
  std::string token_hash = token.empty() ? std::string() : HashToken(token);
  bool allowed = false;
  if (!limiter.Allow(token_hash.empty() ? Cat({"addr:", req.remote_addr}) : token_hash)) {
    SendErrors(res, {{ErrorCode::kRateLimited, "", "too many requests; retry in a minute"}},
               nullptr, "en");
    res.set_header("Retry-After", "60");
  } else if (route.cds_jwt) {
    auto client = AuthenticateCdsClient(req);
    if (!client) {
      SendErrors(res, client.errors(), nullptr, "en");
      res.set_header("WWW-Authenticate", "Bearer");
    } else {
      ex.cds_client = *client;
      actor = Cat({"cds:", *client});
      allowed = true;
    }
  } else if (!route.role) {
    allowed = true;
  } else if (token.empty()) {
    Refuse(res, ErrorCode::kUnauthorized, "send an API token: Authorization: Bearer TOKEN");
    res.set_header("WWW-Authenticate", "Bearer");
  } else {
    auto user = api.store.UserByTokenHash(token_hash);
    if (!user) {
      SendErrors(res, user.errors(), nullptr, "en");
    } else if (!user->has_value()) {
      Refuse(res, ErrorCode::kUnauthorized, "the token is not valid");
      res.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    } else {
      ex.user = **user;
      actor = ex.user.name;
      if (static_cast<int>(ex.user.role) < static_cast<int>(*route.role)) {
        Refuse(res, ErrorCode::kForbidden,
               Cat({"this needs the role ", storage::RoleName(*route.role), " or higher"}).c_str());
      } else {
        allowed = true;
      }
    }
  }
  if (allowed && has_id && ex.audit_patient.empty()) {
    SendErrors(res, {{ErrorCode::kNotFound, "id", "is not a valid patient id"}}, nullptr, "en");
    allowed = false;
  }
  if (allowed) {
    try {
      route.handler(ex);
    } catch (const std::exception& e) {
      // A broken invariant must not take the server down; the message names no patient data.
      SendErrors(res, {{ErrorCode::kInternal, "", "the request failed unexpectedly"}}, nullptr,
                 "en");
      std::fprintf(stderr, "oncnav: internal error in %s %s: %s\n", route.method.c_str(),
                   route.path.c_str(), e.what());
    }
  }
  if (!ex.audit_action.empty() && !ex.audited) {
    auto logged = api.store.Audit({0, "", actor, ex.audit_patient, ex.audit_action, res.status});
    if (!logged) {
      // Patient data is not handed out without its audit line.
      res.headers.erase("ETag");
      SendErrors(res, logged.errors(), nullptr, "en");
    }
  }
  Log(route.method, route.path, res.status, start);
}

Server::Server(ServerConfig config, std::unique_ptr<storage::PatientStore> store,
               KnowledgePack pack, CdsKnowledge cds)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(store), std::move(pack),
                                   std::move(cds))) {
  Impl& s = *impl_;
  routes_ = PatientRoutes(s.api);
  for (auto& r : AdminRoutes(s.api)) routes_.push_back(std::move(r));
  for (auto& r : CdsRoutes(s.api)) routes_.push_back(std::move(r));
  routes_.push_back({"GET",
                     "/health",
                     "meta",
                     "Liveness: the server answers and its store opens.",
                     std::nullopt,
                     "",
                     {},
                     false,
                     "",
                     {200, 500},
                     [&s](Exchange& ex) {
                       auto version = s.store->SchemaVersion();
                       if (!version) return SendErrors(ex.res, version.errors(), nullptr, "en");
                       SendJson(ex.res, 200,
                                {{"status", "ok"},
                                 {"version", ONCNAV_VERSION},
                                 {"store", s.store->Backend()},
                                 {"schema_version", *version}});
                     }});
  routes_.push_back({"GET",
                     "/openapi.json",
                     "meta",
                     "This API as an OpenAPI 3 document, generated from the route table.",
                     std::nullopt,
                     "",
                     {},
                     false,
                     "",
                     {200},
                     [&s](Exchange& ex) { SendJsonText(ex.res, 200, s.openapi); }});
  s.openapi = OpenApiDocument(routes_).dump(2);

  s.http.set_tcp_nodelay(true);  // see src/oncnav/server/CMakeLists.txt
  s.http.set_payload_max_length(s.api.config.max_body_bytes);
  size_t threads = static_cast<size_t>(s.api.config.threads);
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  for (const auto& route : routes_) {
    std::string pattern = PathRegex(route.path);
    auto handler = [&s, &route](const httplib::Request& req, httplib::Response& res) {
      s.Handle(route, req, res);
    };
    if (route.method == "GET") s.http.Get(pattern, handler);
    if (route.method == "POST") s.http.Post(pattern, handler);
    if (route.method == "PUT") s.http.Put(pattern, handler);
    if (route.method == "DELETE") s.http.Delete(pattern, handler);
  }
  // Unknown paths and bodies refused by the HTTP layer get the error document too.
  s.http.set_error_handler(httplib::Server::HandlerWithResponse(
      [&s](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        ErrorCode code = res.status == 413   ? ErrorCode::kPayloadTooLarge
                         : res.status == 404 ? ErrorCode::kNotFound
                                             : ErrorCode::kUsage;
        std::string reason =
            res.status == 413
                ? Cat({"the body is larger than ", std::to_string(s.api.config.max_body_bytes),
                       " bytes (max_body_bytes)"})
            : res.status == 404 ? "no such endpoint (see /openapi.json)"
                                : "the request is not valid HTTP for this API";
        int status = res.status;
        SendJson(res, status, ErrorsToJson({{code, "", reason}}, nullptr, "en"));
        s.Log(req.method, "(unrouted)", status, std::chrono::steady_clock::now());
        return httplib::Server::HandlerResponse::Handled;
      }));
}

Server::~Server() = default;

Result<int> Server::Bind() {
  const auto& c = impl_->api.config;
  int port = c.port == 0 ? impl_->http.bind_to_any_port(c.bind_address)
                         : (impl_->http.bind_to_port(c.bind_address, c.port) ? c.port : -1);
  if (port < 0) {
    return Error{ErrorCode::kUsage, "port",
                 Cat({"cannot listen on ", c.bind_address, ":", std::to_string(c.port),
                      " (in use, or not an address of this machine)"})};
  }
  impl_->public_url = c.public_url.empty()
                          ? Cat({"http://", c.bind_address, ":", std::to_string(port)})
                          : c.public_url;
  while (!impl_->public_url.empty() && impl_->public_url.back() == '/') {
    impl_->public_url.pop_back();
  }
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }
bool Server::IsRunning() const { return impl_->http.is_running(); }

int RunServer(const ServerConfig& config) {
  auto fail = [](const std::vector<Error>& errors) {
    for (const auto& e : errors) {
      std::fprintf(stderr, "oncnav serve: error [%s] %s\n",
                   std::string(Describe(e.code).name).c_str(), e.ToString().c_str());
    }
    return errors.empty() ? 1 : Describe(errors.front().code).exit_status;
  };
  if (auto errors = ValidateServerConfig(config); !errors.empty()) return fail(errors);
  auto store = storage::OpenStore(config.store, false);
  if (!store) return fail(store.errors());
  if (auto schema = storage::CheckSchema(**store); !schema) return fail(schema.errors());
  std::string knowledge_dir =
      config.knowledge_dir.empty() ? DefaultKnowledgeDir() : config.knowledge_dir;
  auto pack = LoadKnowledgePack(knowledge_dir);
  if (!pack) return fail(pack.errors());
  auto cds = LoadCdsKnowledge(knowledge_dir, *pack);
  if (!cds) return fail(cds.errors());
  std::string backend(store.value()->Backend());

  // A client that goes away mid-response must not end the process.
  std::signal(SIGPIPE, SIG_IGN);
  // SIGINT and SIGTERM are taken by one thread that stops the server cleanly (the HTTP threads
  // inherit the blocked mask).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Server server(config, std::move(store).value(), std::move(pack).value(), std::move(cds).value());
  auto port = server.Bind();
  if (!port) return fail(port.errors());
  std::atomic<bool> done{false};
  std::thread waiter([&server, &done, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    // A signal that arrives before the listening loop runs must still stop it.
    while (!server.IsRunning() && !done) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.Stop();
  });
  std::printf("oncnav: serving on http://%s:%d (store: %s; API: /openapi.json)\n",
              config.bind_address.c_str(), *port, backend.c_str());
  std::fflush(stdout);
  server.Run();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // in case Run ended without a signal
  waiter.join();
  std::fprintf(stderr, "oncnav: stopped\n");
  return 0;
}

}  // namespace oncnav::server
