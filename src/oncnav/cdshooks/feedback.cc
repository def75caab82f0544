#include "oncnav/cdshooks/feedback.h"

#include <regex>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

struct Parser {
  std::vector<Error> errors;

  void Fail(std::string field, std::string reason) {
    errors.emplace_back(ErrorCode::kCdsBadRequest, std::move(field), std::move(reason));
  }

  std::string String(const Json& obj, const char* key, const std::string& path, bool required) {
    auto it = obj.find(key);
    const std::string field = Cat({path, ".", key});
    if (it == obj.end()) {
      if (required) Fail(field, "is required");
      return {};
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      Fail(field, "must be a non-empty string");
      return {};
    }
    return it->get<std::string>();
  }
};

bool IsRfc3339(const std::string& s) {
  static const std::regex re(
      R"(^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|z|[+-]([01]\d|2[0-3]):[0-5]\d)$)");
  return std::regex_match(s, re);
}

FeedbackItem ParseItem(const Json& item, const std::string& path, Parser& p) {
  FeedbackItem out;
  if (!item.is_object()) {
    p.Fail(path, "must be an object");
    return out;
  }
  out.card = p.String(item, "card", path, true);
  out.outcome = p.String(item, "outcome", path, true);
  if (!out.outcome.empty() && out.outcome != "accepted" && out.outcome != "overridden") {
    p.Fail(Cat({path, ".outcome"}), "must be \"accepted\" or \"overridden\"");
  }
  out.outcome_timestamp = p.String(item, "outcomeTimestamp", path, true);
  if (!out.outcome_timestamp.empty() && !IsRfc3339(out.outcome_timestamp)) {
    p.Fail(Cat({path, ".outcomeTimestamp"}),
           "must be an RFC 3339 date-time such as "
           "2020-12-11T00:00:00Z");
  }
  if (auto acc = item.find("acceptedSuggestions"); acc != item.end()) {
    const std::string field = Cat({path, ".acceptedSuggestions"});
    if (!acc->is_array() || acc->empty()) {
      p.Fail(field, "must be a non-empty array");
    } else {
      for (size_t i = 0; i < acc->size(); ++i) {
        const std::string sub = Cat({field, "[", std::to_string(i), "]"});
        if (!(*acc)[i].is_object()) {
          p.Fail(sub, "must be an object with an id");
          continue;
        }
        std::string id = p.String((*acc)[i], "id", sub, true);
        if (!id.empty()) out.accepted_suggestions.push_back(std::move(id));
      }
    }
    if (out.outcome == "overridden") p.Fail(field, "is only for an accepted outcome");
  } else if (out.outcome == "accepted") {
    p.Fail(Cat({path, ".acceptedSuggestions"}), "is required for an accepted outcome");
  }
  if (auto ov = item.find("overrideReason"); ov != item.end()) {
    const std::string field = Cat({path, ".overrideReason"});
    if (out.outcome == "accepted") p.Fail(field, "is only for an overridden outcome");
    if (!ov->is_object() || ov->empty()) {
      p.Fail(field, "must be an object with a reason and/or a userComment");
      return out;
    }
    if (auto reason = ov->find("reason"); reason != ov->end()) {
      const std::string rf = Cat({field, ".reason"});
      if (!reason->is_object()) {
        p.Fail(rf, "must be a Coding");
      } else {
        CdsCoding c{p.String(*reason, "system", rf, true), p.String(*reason, "code", rf, true),
                    p.String(*reason, "display", rf, false)};
        out.override_reason = std::move(c);
      }
    }
    out.user_comment = p.String(*ov, "userComment", field, false);
  }
  return out;
}

}  // namespace

Result<FeedbackRecord> ParseFeedback(const Json& body) {
  Parser p;
  FeedbackRecord out;
  if (!body.is_object()) {
    p.Fail("", "the feedback body must be a JSON object");
    return p.errors;
  }
  auto list = body.find("feedback");
  if (list == body.end()) {
    p.Fail("feedback", "is required");
  } else if (!list->is_array() || list->empty()) {
    p.Fail("feedback", "must be a non-empty array");
  } else {
    for (size_t i = 0; i < list->size(); ++i) {
      out.items.push_back(ParseItem((*list)[i], Cat({"feedback[", std::to_string(i), "]"}), p));
    }
  }
  if (!p.errors.empty()) return p.errors;
  return out;
}

}  // namespace oncnav
