// The patient endpoints: create, list, read, update, delete, history, evaluation, FHIR export.
#include <charconv>

#include "oncnav/common/text.h"
#include "oncnav/engine/evaluate.h"
#include "oncnav/fhir/export/bundle_export.h"
#include "oncnav/record/load_record.h"
#include "oncnav/report/json_output.h"
#include "oncnav/server/evaluation_cache.h"
#include "oncnav/server/http_response.h"
#include "oncnav/server/patient_document.h"
#include "oncnav/server/route.h"

namespace oncnav::server {
namespace {

using storage::PatientRevision;
using storage::Role;

std::string ETagOf(int64_t revision) { return Cat({"\"", std::to_string(revision), "\""}); }

// The revision an If-Match header names: "3", W/"3" or 3. `*` matches the current revision and
// is not accepted: a client must say which revision its change was made against.
std::optional<int64_t> ParseIfMatch(std::string text) {
  if (text.rfind("W/", 0) == 0) text = text.substr(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

std::optional<int> ParseInt(const std::string& text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string Reason(const Exchange& ex, std::string_view fallback) {
  std::string reason = ex.req.get_header_value("X-Reason");
  if (reason.size() > 500) reason.resize(500);
  return reason.empty() ? std::string(fallback) : reason;
}

Json RevisionMeta(const PatientRevision& r) {
  return Json{{"revision", r.revision}, {"action", r.action},         {"author", r.author},
              {"reason", r.reason},     {"created_at", r.created_at}, {"format", r.format}};
}

// {"id", "revision", ..., "record": <document as stored>}: the document is spliced in as text,
// it was validated JSON when it was written.
std::string PatientBody(const PatientRevision& r) {
  Json meta = {{"id", r.patient_id}, {"revision", r.revision}, {"action", r.action},
               {"author", r.author}, {"reason", r.reason},     {"created_at", r.created_at},
               {"format", r.format}};
  std::string text = meta.dump();
  text.pop_back();  // the closing brace
  return Cat({text, ",\"record\":", r.document.empty() ? "null" : r.document, "}"});
}

class PatientApi {
 public:
  explicit PatientApi(const ApiContext& api) : api_(api) {}

  std::string Lang(const Exchange& ex) const {
    std::string lang = ex.req.get_param_value("lang");
    return lang == "en" || lang == "ja" || lang == "zh" ? lang : api_.config.lang;
  }

  void Fail(Exchange& ex, const std::vector<Error>& errors) const {
    SendErrors(ex.res, errors, &api_.pack, Lang(ex));
  }

  void Create(Exchange& ex) const {
    auto record = ReadPatientDocument(ex.req.body, api_.pack);
    if (!record) return Fail(ex, record.errors());
    ex.audit_patient = record->record.demographics.id;
    storage::PatientChange change{ex.audit_patient, ex.user.name, Reason(ex, "created"),
                                  record->format, ex.req.body};
    auto written = api_.store.Create(change);
    if (!written) return Fail(ex, written.errors());
    ex.audited = true;
    ex.res.set_header("ETag", ETagOf(written->revision));
    ex.res.set_header("Location", Cat({"/patients/", written->patient_id}));
    Json body = {{"id", written->patient_id},
                 {"revision", written->revision},
                 {"format", written->format},
                 {"warnings", ImportWarningsToJson(record->warnings, api_.pack, Lang(ex))}};
    SendJson(ex.res, 201, body);
  }

  void List(Exchange& ex) const {
    storage::PatientQuery q;
    std::vector<Error> errors;
    q.id_contains = ex.req.get_param_value("q");
    std::string deleted = ex.req.get_param_value("include_deleted");
    if (!deleted.empty() && deleted != "true" && deleted != "false") {
      errors.push_back({ErrorCode::kInvalidValue, "include_deleted", "must be true or false"});
    }
    q.include_deleted = deleted == "true";
    if (ex.req.has_param("limit")) {
      auto limit = ParseInt(ex.req.get_param_value("limit"));
      if (!limit || *limit < 1 || *limit > 1000) {
        errors.push_back({ErrorCode::kInvalidValue, "limit", "must be a whole number 1 to 1000"});
      } else {
        q.limit = *limit;
      }
    }
    if (ex.req.has_param("offset")) {
      auto offset = ParseInt(ex.req.get_param_value("offset"));
      if (!offset || *offset < 0) {
        errors.push_back({ErrorCode::kInvalidValue, "offset", "must be a whole number 0 or more"});
      } else {
        q.offset = *offset;
      }
    }
    if (!errors.empty()) return Fail(ex, errors);
    auto heads = api_.store.List(q);
    if (!heads) return Fail(ex, heads.errors());
    Json list = Json::array();
    for (const auto& h : *heads) {
      list.push_back({{"id", h.id},
                      {"revision", h.revision},
                      {"deleted", h.deleted},
                      {"updated_at", h.updated_at}});
    }
    SendJson(ex.res, 200,
             {{"patients", std::move(list)}, {"limit", q.limit}, {"offset", q.offset}});
  }

  void Read(Exchange& ex) const {
    auto r = api_.store.Latest(ex.path_params[0]);
    if (!r) return Fail(ex, r.errors());
    ex.res.set_header("ETag", ETagOf(r->revision));
    SendJsonText(ex.res, 200, PatientBody(*r));
  }

  void ReadRevision(Exchange& ex) const {
    auto revision = ParseInt(ex.path_params[1]);
    if (!revision || *revision < 1) {
      return Fail(ex, {{ErrorCode::kInvalidValue, "revision", "must be a whole number from 1"}});
    }
    auto r = api_.store.AtRevision(ex.path_params[0], *revision);
    if (!r) return Fail(ex, r.errors());
    ex.res.set_header("ETag", ETagOf(r->revision));
    SendJsonText(ex.res, 200, PatientBody(*r));
  }

  // The If-Match revision, or an error response (428 when absent, 400 when malformed).
  std::optional<int64_t> Expected(Exchange& ex) const {
    if (!ex.req.has_header("If-Match")) {
      Fail(ex, {{ErrorCode::kPreconditionRequired, "If-Match",
                 "send the ETag of the revision the change was made against"}});
      return std::nullopt;
    }
    auto expected = ParseIfMatch(ex.req.get_header_value("If-Match"));
    if (!expected) {
      Fail(ex, {{ErrorCode::kUsage, "If-Match", "must be an ETag such as \"3\""}});
    }
    return expected;
  }

  void Update(Exchange& ex) const {
    auto expected = Expected(ex);
    if (!expected) return;
    auto record = ReadPatientDocument(ex.req.body, api_.pack);
    if (!record) return Fail(ex, record.errors());
    if (record->record.demographics.id != ex.path_params[0]) {
      return Fail(ex, {{ErrorCode::kInvalidValue, "patient.id",
                        "differs from the id in the URL; a patient's id cannot change"}});
    }
    storage::PatientChange change{ex.path_params[0], ex.user.name, Reason(ex, "updated"),
                                  record->format, ex.req.body};
    auto written = api_.store.Update(change, *expected);
    if (!written) return Fail(ex, written.errors());
    ex.audited = true;
    ex.res.set_header("ETag", ETagOf(written->revision));
    SendJson(ex.res, 200,
             {{"id", written->patient_id},
              {"revision", written->revision},
              {"format", written->format},
              {"warnings", ImportWarningsToJson(record->warnings, api_.pack, Lang(ex))}});
  }

  void Delete(Exchange& ex) const {
    auto expected = Expected(ex);
    if (!expected) return;
    storage::PatientChange change{ex.path_params[0], ex.user.name, Reason(ex, "deleted"), "", ""};
    auto written = api_.store.Remove(change, *expected);
    if (!written) return Fail(ex, written.errors());
    ex.audited = true;
    ex.res.set_header("ETag", ETagOf(written->revision));
    SendJson(ex.res, 200,
             {{"id", written->patient_id}, {"revision", written->revision}, {"deleted", true}});
  }

  void History(Exchange& ex) const {
    auto revisions = api_.store.History(ex.path_params[0]);
    if (!revisions) return Fail(ex, revisions.errors());
    Json list = Json::array();
    for (const auto& r : *revisions) list.push_back(RevisionMeta(r));
    SendJson(ex.res, 200, {{"id", ex.path_params[0]}, {"revisions", std::move(list)}});
  }

  // The newest revision, with its ETag set on the response.
  std::optional<PatientRevision> Newest(Exchange& ex) const {
    auto r = api_.store.Latest(ex.path_params[0]);
    if (!r) {
      Fail(ex, r.errors());
      return std::nullopt;
    }
    ex.res.set_header("ETag", ETagOf(r->revision));
    return std::move(r).value();
  }

  // Reads a revision as `oncnav evaluate` reads a file, at `as_of`.
  std::optional<ImportedRecord> Load(Exchange& ex, const PatientRevision& r,
                                     const Date& as_of) const {
    thread_local simdjson::dom::parser parser;
    auto record = LoadRecord(r.document, api_.pack, as_of, parser);
    if (!record) {
      Fail(ex, record.errors());
      return std::nullopt;
    }
    return std::move(record).value();
  }

  void Evaluation(Exchange& ex) const {
    EvaluateOptions options;
    std::vector<Error> errors;
    options.region =
        ex.req.has_param("region") ? ex.req.get_param_value("region") : api_.config.region;
    if (options.region != "jp" && options.region != "us" && options.region != "cn" &&
        options.region != "eu") {
      errors.push_back({ErrorCode::kInvalidValue, "region", "must be jp, us, cn or eu"});
    }
    options.lang = ex.req.has_param("lang") ? ex.req.get_param_value("lang") : api_.config.lang;
    if (options.lang != "en" && options.lang != "ja" && options.lang != "zh") {
      errors.push_back({ErrorCode::kInvalidValue, "lang", "must be en, ja or zh"});
    }
    options.as_of = Date::Today();
    if (ex.req.has_param("as_of")) {
      auto d = Date::Parse(ex.req.get_param_value("as_of"));
      if (!d) {
        errors.push_back({ErrorCode::kInvalidValue, "as_of", "must be a date YYYY-MM-DD"});
      } else {
        options.as_of = *d;
      }
    }
    if (!errors.empty()) return Fail(ex, errors);
    auto revision = Newest(ex);
    if (!revision) return;
    std::string key = EvaluationCache::Key(revision->patient_id, revision->revision, options.region,
                                           options.lang, options.as_of.ToString());
    auto document = api_.evaluations.Find(key);
    if (!document) {
      auto record = Load(ex, *revision, options.as_of);
      if (!record) return;
      oncnav::Evaluation ev = Evaluate(*record, api_.pack, options);
      document = std::make_shared<const std::string>(EvaluationToJson(ev, api_.pack).dump());
      api_.evaluations.Insert(key, document);
    }
    SendJsonText(ex.res, 200, *document);
  }

  void Fhir(Exchange& ex) const {
    auto revision = Newest(ex);
    if (!revision) return;
    auto record = Load(ex, *revision, Date::Today());
    if (!record) return;
    ex.res.status = 200;
    ex.res.set_content(ExportFhirBundle(record->record, api_.pack).dump(), "application/fhir+json");
  }

 private:
  const ApiContext& api_;
};

}  // namespace

std::vector<Route> PatientRoutes(const ApiContext& api) {
  auto p = std::make_shared<PatientApi>(api);
  auto bind = [p](void (PatientApi::*fn)(Exchange&) const) {
    return [p, fn](Exchange& ex) { ((*p).*fn)(ex); };
  };
  const std::vector<QueryParam> kLang = {{"lang", "language of messages: en, ja or zh"}};
  return {
      {"POST",
       "/patients",
       "patients",
       "Create a patient from a native record or a FHIR R4 Bundle (detected); returns the "
       "import warnings. Optional header X-Reason.",
       Role::kClinician,
       "create",
       kLang,
       false,
       "a native oncnav patient record (docs/record-format.md) or a FHIR R4 Bundle",
       {201, 400, 401, 403, 409, 413, 415, 422, 429},
       bind(&PatientApi::Create)},
      {"GET",
       "/patients",
       "patients",
       "List patients, optionally those whose id contains q.",
       Role::kViewer,
       "list",
       {{"q", "a substring of the patient id"},
        {"include_deleted", "true to list deleted patients too"},
        {"limit", "1 to 1000 (default 100)"},
        {"offset", "patients to skip (default 0)"}},
       false,
       "",
       {200, 401, 403, 422, 429},
       bind(&PatientApi::List)},
      {"GET",
       "/patients/{id}",
       "patients",
       "The newest revision of a patient with its record as submitted; ETag is the revision.",
       Role::kViewer,
       "read",
       {},
       false,
       "",
       {200, 401, 403, 404, 410, 429},
       bind(&PatientApi::Read)},
      {"PUT",
       "/patients/{id}",
       "patients",
       "Replace a patient's record as a new revision. If-Match must carry the ETag read; a "
       "mismatch is 409 and nothing is written. Optional header X-Reason.",
       Role::kClinician,
       "update",
       kLang,
       true,
       "a native oncnav patient record or a FHIR R4 Bundle with the same patient id",
       {200, 400, 401, 403, 404, 409, 413, 415, 422, 428, 429},
       bind(&PatientApi::Update)},
      {"DELETE",
       "/patients/{id}",
       "patients",
       "Delete a patient: records a deletion revision (If-Match required); history remains.",
       Role::kClinician,
       "delete",
       {},
       true,
       "",
       {200, 400, 401, 403, 404, 409, 410, 428, 429},
       bind(&PatientApi::Delete)},
      {"GET",
       "/patients/{id}/history",
       "patients",
       "Every revision of a patient (who, when, why, what), oldest first.",
       Role::kViewer,
       "history",
       {},
       false,
       "",
       {200, 401, 403, 404, 429},
       bind(&PatientApi::History)},
      {"GET",
       "/patients/{id}/revisions/{revision}",
       "patients",
       "One past revision of a patient with its record.",
       Role::kViewer,
       "read-revision",
       {},
       false,
       "",
       {200, 401, 403, 404, 422, 429},
       bind(&PatientApi::ReadRevision)},
      {"GET",
       "/patients/{id}/evaluation",
       "evaluation",
       "The evaluation of the newest revision: the same document as `oncnav evaluate --format "
       "json` (docs/output.md).",
       Role::kViewer,
       "evaluate",
       {{"region", "jp, us, cn or eu (default: the server's)"},
        {"lang", "en, ja or zh (default: the server's)"},
        {"as_of", "evaluation date YYYY-MM-DD (default: today)"}},
       false,
       "",
       {200, 401, 403, 404, 410, 422, 429},
       bind(&PatientApi::Evaluation)},
      {"GET",
       "/patients/{id}/fhir",
       "fhir",
       "The newest revision as a FHIR R4 collection Bundle with mCODE profiles "
       "(docs/fhir-mapping.md).",
       Role::kViewer,
       "export-fhir",
       {},
       false,
       "",
       {200, 401, 403, 404, 410, 422, 429},
       bind(&PatientApi::Fhir)},
  };
}

}  // namespace oncnav::server
