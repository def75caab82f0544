#include <cstdio>

#include "cli/commands.h"
#include "cli/session.h"
#include "oncnav/knowledge/source_usage.h"
#include "oncnav/report/json_output.h"

namespace oncnav::cli {

int RunKnowledge(const std::vector<std::string>& argv) {
  auto parsed = ParseArgs(argv, {"knowledge", "format"});
  if (!parsed) return ReportErrors(parsed.errors(), "text");
  const Args& args = *parsed;
  std::string what = args.positional.empty() ? "" : args.positional[0];
  if (what != "check" && what != "sources") {
    return ReportErrors(
        {{ErrorCode::kUsage, "knowledge", "use 'knowledge check' or 'knowledge sources'"}}, "text");
  }
  KnowledgePack pack;
  int status = 0;
  if (!LoadPack(args, pack, status)) return status;
  if (what == "check") {
    std::printf("knowledge pack '%s' revision %s (format %d): OK\n", pack.manifest.pack.c_str(),
                pack.manifest.revision.c_str(), pack.manifest.format_version);
    std::printf(
        "  %zu sources, %zu rules, %zu drugs, %zu laboratory tests, %zu message keys x %zu "
        "languages\n",
        pack.sources.size(), pack.rules.size(), pack.drugs.drugs().size(), pack.labs.tests().size(),
        pack.texts.Keys().size(), Languages().size());
    return 0;
  }
  // sources: each source with the rules, trials, approvals, drugs and tests that rely on it.
  auto usage = SourceUsage(pack);
  Json out = Json::array();
  for (const auto& [id, src] : pack.sources) {
    Json rules = Json::array();
    for (const auto& [rid, rule] : pack.rules) {
      for (const auto& s : rule.sources) {
        if (s == id) rules.push_back(rid);
      }
    }
    out.push_back({{"id", id},
                   {"citation", src.citation},
                   {"url", src.url},
                   {"rules", rules},
                   {"used_by", usage[id]}});
  }
  if (args.Get("format").value_or("text") == "json") {
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& s : out) {
      std::printf("[%s] %s\n", s["id"].get<std::string>().c_str(),
                  s["citation"].get<std::string>().c_str());
      if (!s["url"].get<std::string>().empty())
        std::printf("    %s\n", s["url"].get<std::string>().c_str());
      if (!s["used_by"].empty()) {
        std::string used;
        for (const auto& r : s["used_by"])
          used += (used.empty() ? "" : ", ") + r.get<std::string>();
        std::printf("    used by: %s\n", used.c_str());
      }
    }
  }
  return 0;
}

int RunErrors(const std::vector<std::string>&) {
  std::printf("%-22s %-6s %-5s %s\n", "code", "http", "exit", "description");
  for (const auto& e : ErrorCatalogue()) {
    std::printf("%-22s %-6d %-5d %s\n", std::string(e.name).c_str(), e.http_status, e.exit_status,
                std::string(e.description).c_str());
  }
  return 0;
}

}  // namespace oncnav::cli
