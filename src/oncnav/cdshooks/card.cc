#include "oncnav/cdshooks/card.h"

#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <stdexcept>

#include "oncnav/common/text.h"

namespace oncnav {
namespace {

bool IsWebLink(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

const Source* PickSource(const std::vector<std::string>& ids, const KnowledgePack& pack) {
  const Source* first = nullptr;
  for (const auto& id : ids) {
    auto it = pack.sources.find(id);
    if (it == pack.sources.end()) continue;
    if (IsWebLink(it->second.url)) return &it->second;
    if (!first) first = &it->second;
  }
  return first;
}

}  // namespace

std::string NewUuid() {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");  // no entropy: a broken host
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char out[37];
  std::snprintf(out, sizeof out,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                b[15]);
  return out;
}

std::string ShortenUtf8(std::string_view text, size_t max_chars) {
  size_t chars = 0, cut = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars - 1) cut = i;
    ++chars;
  }
  if (chars <= max_chars) return std::string(text);
  return Cat({text.substr(0, cut), "\u2026"});
}

Json CardToJson(const Card& card, const KnowledgePack& pack) {
  Json source = Json::object();
  const Source* s = PickSource(card.sources, pack);
  source["label"] = s ? ShortenUtf8(Cat({"oncnav: ", s->citation}), 100)
                      : Cat({"oncnav knowledge pack ", pack.manifest.revision});
  if (s && IsWebLink(s->url)) source["url"] = s->url;
  Json out = {{"uuid", NewUuid()},
              {"summary", ShortenUtf8(card.summary)},
              {"indicator", std::string(SeverityName(card.indicator))}};
  if (!card.detail.empty()) out["detail"] = card.detail;
  out["source"] = source;
  if (!card.suggestions.empty()) {
    out["suggestions"] = card.suggestions;
    out["selectionBehavior"] = "at-most-one";
  }
  return out;
}

Json DeleteSuggestion(std::string label, std::string description, std::string resource_id) {
  return {{"label", std::move(label)},
          {"uuid", NewUuid()},
          {"actions", Json::array({{{"type", "delete"},
                                    {"description", std::move(description)},
                                    {"resourceId", std::move(resource_id)}}})}};
}

}  // namespace oncnav
