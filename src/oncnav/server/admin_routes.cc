// Administration: the audit log and API users (admin only).
#include <charconv>

#include "oncnav/server/http_response.h"
#include "oncnav/server/route.h"
#include "oncnav/server/token.h"

namespace oncnav::server {
namespace {

using storage::Role;

std::optional<int64_t> ParseInt64(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The ?after= and ?limit= of the append-only logs; problems are added to `errors`.
void ReadPaging(const Exchange& ex, int64_t& after_seq, int& limit, std::vector<Error>& errors) {
  if (ex.req.has_param("after")) {
    auto after = ParseInt64(ex.req.get_param_value("after"));
    if (!after || *after < 0) {
      errors.push_back({ErrorCode::kInvalidValue, "after", "must be a whole number 0 or more"});
    } else {
      after_seq = *after;
    }
  }
  if (ex.req.has_param("limit")) {
    auto value = ParseInt64(ex.req.get_param_value("limit"));
    if (!value || *value < 1 || *value > 10000) {
      errors.push_back({ErrorCode::kInvalidValue, "limit", "must be a whole number 1 to 10000"});
    } else {
      limit = static_cast<int>(*value);
    }
  }
}

void Audit(const ApiContext& api, Exchange& ex) {
  storage::AuditQuery q;
  std::vector<Error> errors;
  q.patient_id = ex.req.get_param_value("patient");
  q.actor = ex.req.get_param_value("actor");
  ReadPaging(ex, q.after_seq, q.limit, errors);
  if (!errors.empty()) return SendErrors(ex.res, errors, &api.pack, api.config.lang);
  auto entries = api.store.AuditLog(q);
  if (!entries) return SendErrors(ex.res, entries.errors(), &api.pack, api.config.lang);
  Json list = Json::array();
  for (const auto& e : *entries) {
    list.push_back({{"seq", e.seq},
                    {"at", e.at},
                    {"actor", e.actor},
                    {"patient", e.patient_id},
                    {"action", e.action},
                    {"outcome", e.outcome}});
  }
  SendJson(ex.res, 200, {{"entries", std::move(list)}});
}

void CdsFeedback(const ApiContext& api, Exchange& ex) {
  storage::CdsFeedbackQuery q;
  std::vector<Error> errors;
  q.card = ex.req.get_param_value("card");
  ReadPaging(ex, q.after_seq, q.limit, errors);
  if (!errors.empty()) return SendErrors(ex.res, errors, &api.pack, api.config.lang);
  auto entries = api.store.CdsFeedback(q);
  if (!entries) return SendErrors(ex.res, entries.errors(), &api.pack, api.config.lang);
  Json list = Json::array();
  for (const auto& e : *entries) {
    list.push_back({{"seq", e.seq},
                    {"received_at", e.received_at},
                    {"client", e.client},
                    {"service", e.service},
                    {"card", e.card},
                    {"outcome", e.outcome},
                    {"outcome_at", e.outcome_at},
                    {"feedback", Json::parse(e.detail, nullptr, false)}});
  }
  SendJson(ex.res, 200, {{"entries", std::move(list)}});
}

void ListUsers(const ApiContext& api, Exchange& ex) {
  auto users = api.store.Users();
  if (!users) return SendErrors(ex.res, users.errors(), &api.pack, api.config.lang);
  Json list = Json::array();
  for (const auto& u : *users) {
    list.push_back({{"name", u.name}, {"role", RoleName(u.role)}, {"created_at", u.created_at}});
  }
  SendJson(ex.res, 200, {{"users", std::move(list)}});
}

void AddUser(const ApiContext& api, Exchange& ex) {
  Json body = Json::parse(ex.req.body, nullptr, false);
  std::vector<Error> errors;
  if (body.is_discarded() || !body.is_object()) {
    return SendErrors(ex.res, {{ErrorCode::kInvalidJson, "$", "must be a JSON object"}}, &api.pack,
                      api.config.lang);
  }
  std::string name = body.value("name", Json()).is_string() ? body["name"].get<std::string>() : "";
  std::string role_name =
      body.value("role", Json()).is_string() ? body["role"].get<std::string>() : "";
  if (name.empty() || name.size() > 64) {
    errors.push_back({ErrorCode::kInvalidValue, "name", "must be a string of 1 to 64 characters"});
  }
  auto role = storage::ParseRole(role_name);
  if (!role) {
    errors.push_back({ErrorCode::kInvalidValue, "role", "must be admin, clinician or viewer"});
  }
  if (!errors.empty()) return SendErrors(ex.res, errors, &api.pack, api.config.lang);
  std::string token = NewToken();
  auto user = api.store.AddUser(name, *role, HashToken(token));
  if (!user) return SendErrors(ex.res, user.errors(), &api.pack, api.config.lang);
  // The only time the token is shown: the store keeps its hash.
  SendJson(ex.res, 201, {{"name", user->name}, {"role", RoleName(user->role)}, {"token", token}});
}

}  // namespace

std::vector<Route> AdminRoutes(const ApiContext& api) {
  const ApiContext* a = &api;
  return {
      {"GET",
       "/audit",
       "admin",
       "The audit log: every read and write of patient data (who, which patient, what, when, "
       "outcome), oldest first.",
       Role::kAdmin,
       "",
       {{"patient", "only entries about this patient id"},
        {"actor", "only entries by this user"},
        {"after", "only entries with seq greater than this"},
        {"limit", "1 to 10000 (default 1000)"}},
       false,
       "",
       {200, 401, 403, 422, 429},
       [a](Exchange& ex) { Audit(*a, ex); }},
      {"GET",
       "/cds-feedback",
       "admin",
       "Feedback CDS clients sent about oncnav's cards (accepted or overridden, with reasons), "
       "oldest first.",
       Role::kAdmin,
       "",
       {{"card", "only feedback about this card uuid"},
        {"after", "only entries with seq greater than this"},
        {"limit", "1 to 10000 (default 1000)"}},
       false,
       "",
       {200, 401, 403, 422, 429},
       [a](Exchange& ex) { CdsFeedback(*a, ex); }},
      {"GET",
       "/users",
       "admin",
       "API users and their roles (never their tokens).",
       Role::kAdmin,
       "",
       {},
       false,
       "",
       {200, 401, 403, 429},
       [a](Exchange& ex) { ListUsers(*a, ex); }},
      {"POST",
       "/users",
       "admin",
       "Create an API user; the response shows its token once (only its hash is stored).",
       Role::kAdmin,
       "",
       {},
       false,
       "{\"name\": \"...\", \"role\": \"admin|clinician|viewer\"}",
       {201, 400, 401, 403, 409, 422, 429},
       [a](Exchange& ex) { AddUser(*a, ex); }},
  };
}

}  // namespace oncnav::server
