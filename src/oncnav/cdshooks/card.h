#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "oncnav/cdshooks/cds_types.h"
#include "oncnav/engine/finding.h"
#include "oncnav/knowledge/pack.h"

namespace oncnav {

// A card before it is written as JSON (current.md "Card Attributes").
struct Card {
  std::string summary;  // shortened to under 140 characters when written
  std::string detail;   // GitHub-flavoured Markdown; omitted when empty
  Severity indicator = Severity::kInfo;
  std::vector<std::string> sources;  // pack source ids; the first with a web link is the source
  Json suggestions = Json::array();  // omitted when empty (then no selectionBehavior either)
};

// A random (version 4) UUID, for cards and suggestions; feedback names a card by it.
std::string NewUuid();

// `text` cut at a character (not byte) boundary to at most `max_chars` - 1 characters plus an
// ellipsis when longer than `max_chars` - 1; the spec asks for summaries under 140 characters.
std::string ShortenUtf8(std::string_view text, size_t max_chars = 139);

// The card's JSON: uuid, summary, detail, indicator, source {label, url} from the pack's
// source (label "oncnav: <citation>" shortened; url only when the source has a web link),
// suggestions with selectionBehavior "at-most-one". Optional fields are omitted, never empty.
Json CardToJson(const Card& card, const KnowledgePack& pack);

// A suggestion to delete the draft order `resource_id` ("MedicationRequest/123").
Json DeleteSuggestion(std::string label, std::string description, std::string resource_id);

}  // namespace oncnav
