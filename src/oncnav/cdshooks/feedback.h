#pragma once

#include <optional>
#include <string>
#include <vector>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/common/result.h"

namespace oncnav {

// A FHIR Coding as CDS Hooks uses it (override reasons).
struct CdsCoding {
  std::string system, code, display;
};

// One entry of a feedback body (current.md "Feedback").
struct FeedbackItem {
  std::string card;                               // the card's uuid
  std::string outcome;                            // accepted | overridden
  std::vector<std::string> accepted_suggestions;  // suggestion uuids (accepted)
  std::optional<CdsCoding> override_reason;       // overridden, when a reason was chosen
  std::string user_comment;                       // overridden, free text; may be empty
  std::string outcome_timestamp;                  // RFC 3339 date-time, as sent
};

struct FeedbackRecord {
  std::vector<FeedbackItem> items;
};

// Checks `POST {baseUrl}/cds-services/{id}/feedback` bodies: {"feedback": [...]} non-empty;
// each with card and outcome (accepted | overridden) and an RFC 3339 outcomeTimestamp;
// acceptedSuggestions (non-empty, each with an id) required for accepted; overrideReason
// only for overridden, with a reason Coding (system and code) and/or userComment. Every
// violation is a kCdsBadRequest Error naming the field (feedback[i].outcome, ...).
Result<FeedbackRecord> ParseFeedback(const Json& body);

}  // namespace oncnav
