#include "oncnav/cdshooks/cds_call.h"

#include <simdjson.h>

#include "oncnav/cdshooks/card_language.h"
#include "oncnav/cdshooks/prefetch.h"
#include "oncnav/cdshooks/prefetch_bundle.h"
#include "oncnav/common/text.h"
#include "oncnav/fhir/bundle_import.h"
#include "oncnav/report/error_output.h"

namespace oncnav {

CdsResult ErrorResult(std::vector<Error> errors, const KnowledgePack& pack, std::string_view lang) {
  CdsResult r;
  r.outcome = CdsOutcome::kError;
  r.http_status = Describe(errors.front().code).http_status;
  r.body = ErrorsToJson(errors, &pack, lang);
  r.errors = std::move(errors);
  return r;
}

CdsResult PrefetchFailed(const std::vector<std::string>& keys, const KnowledgePack& pack,
                         std::string_view lang) {
  std::vector<Error> errors;
  for (const auto& key : keys) {
    errors.emplace_back(ErrorCode::kCdsPrefetchMissing, Cat({"prefetch.", key}),
                        "is required and was neither prefetched nor fetchable from a FHIR server");
  }
  if (errors.empty()) {
    errors.emplace_back(ErrorCode::kCdsPrefetchMissing, "prefetch", "required data is missing");
  }
  return ErrorResult(std::move(errors), pack, lang);
}

CdsResult CardsResult(Json cards, std::string lang) {
  CdsResult r;
  r.body = {{"cards", std::move(cards)}};
  r.lang = std::move(lang);
  return r;
}

std::variant<PreparedCall, CdsResult> PrepareCall(const Json& body, std::string_view hook,
                                                  const KnowledgePack& pack,
                                                  const CdsDefaults& defaults) {
  auto parsed = ParseCdsRequest(body, hook);
  if (!parsed) return ErrorResult(parsed.errors(), pack, defaults.lang);
  PreparedCall call{std::move(parsed).value(), {}, {}};
  call.lang = CardLanguage(call.request.prefetch, defaults.lang);

  auto missing = MissingRequiredPrefetch(call.request);
  if (!missing.empty()) {
    if (call.request.fhir_server.empty()) {
      std::vector<std::string> keys;
      for (const auto& [key, query] : missing) keys.push_back(key);
      return PrefetchFailed(keys, pack, call.lang);
    }
    CdsResult fetch;
    fetch.outcome = CdsOutcome::kFetchNeeded;
    fetch.http_status = 0;  // not an answer yet
    fetch.fetch = std::move(missing);
    fetch.fetch_optional = MissingOptionalPrefetch(call.request);
    fetch.fhir_server = call.request.fhir_server;
    return fetch;
  }

  auto bundle = BundleFromPrefetch(call.request.prefetch, call.request.patient_id);
  if (!bundle) return ErrorResult(bundle.errors(), pack, call.lang);
  // The importer reads simdjson documents; re-parsing the assembled bundle costs little next to
  // the evaluation and keeps one import path for files, the CLI and CDS Hooks.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(bundle->dump()).get(root) != simdjson::SUCCESS) {
    return ErrorResult({Error(ErrorCode::kInternal, "prefetch", "assembled bundle not parsed")},
                       pack, call.lang);
  }
  auto imported = ImportFhirBundle(root, pack, defaults.as_of);
  if (!imported) return ErrorResult(imported.errors(), pack, call.lang);
  call.record = std::move(imported).value();
  return call;
}

}  // namespace oncnav
