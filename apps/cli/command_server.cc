// `oncnav serve`, `oncnav db ...` and `oncnav user ...`: thin wrappers over src/oncnav/server
// and src/oncnav/storage.
#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "oncnav/record/load_record.h"
#include "oncnav/server/config.h"
#include "oncnav/server/patient_document.h"
#include "oncnav/server/server.h"
#include "oncnav/server/token.h"
#include "oncnav/storage/migrations.h"

namespace oncnav::cli {
namespace {

const std::vector<std::string> kStoreOptions = {"config", "data-dir", "database", "port",
                                                "bind",   "role",     "author",   "reason"};

// The configuration file (--config) with the command line's overrides.
bool ConfigFromArgs(const Args& args, server::ServerConfig& config, int& exit_status) {
  if (auto path = args.Get("config")) {
    auto loaded = server::LoadServerConfig(*path);
    if (!loaded) {
      exit_status = ReportErrors(loaded.errors(), "text");
      return false;
    }
    config = std::move(loaded).value();
  }
  if (auto v = args.Get("data-dir")) config.store.data_dir = *v;
  if (auto v = args.Get("database")) config.store.database = *v;
  if (auto v = args.Get("bind")) config.bind_address = *v;
  if (auto v = args.Get("port")) {
    int port = -1;
    if (std::sscanf(v->c_str(), "%d", &port) != 1 || port < 0 || port > 65535) {
      exit_status = ReportErrors({{ErrorCode::kUsage, "--port", "must be 0 to 65535"}}, "text");
      return false;
    }
    config.port = port;
  }
  return true;
}

bool Parse(const std::vector<std::string>& argv, Args& args, server::ServerConfig& config,
           int& exit_status) {
  auto parsed = ParseArgs(argv, kStoreOptions);
  if (!parsed) {
    exit_status = ReportErrors(parsed.errors(), "text");
    return false;
  }
  args = std::move(parsed).value();
  return ConfigFromArgs(args, config, exit_status);
}

// The store with the schema this build needs (`upgrade` opens it without the check).
std::unique_ptr<storage::PatientStore> OpenChecked(const server::ServerConfig& config,
                                                   int& exit_status) {
  auto store = storage::OpenStore(config.store, false);
  if (!store) {
    exit_status = ReportErrors(store.errors(), "text");
    return nullptr;
  }
  if (auto schema = storage::CheckSchema(**store); !schema) {
    exit_status = ReportErrors(schema.errors(), "text");
    return nullptr;
  }
  return std::move(store).value();
}

int DbLoad(const Args& args, const server::ServerConfig& config) {
  int status = 0;
  auto store = OpenChecked(config, status);
  if (!store) return status;
  KnowledgePack pack;
  if (!LoadPack(args, pack, status)) return status;
  int loaded = 0, skipped = 0;
  for (size_t i = 1; i < args.positional.size(); ++i) {
    const std::string& path = args.positional[i];
    std::FILE* f = std::fopen(path.c_str(), "rb");
    std::string text;
    if (f) {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
      std::fclose(f);
    }
    auto record =
        f ? server::ReadPatientDocument(text, pack)
          : Result<ImportedRecord>(Error{ErrorCode::kFileNotFound, path, "cannot read the file"});
    if (!record) return ReportErrors(record.errors(), "text");
    storage::PatientChange change{
        record->record.demographics.id, args.Get("author").value_or("oncnav db load"),
        args.Get("reason").value_or("loaded from a file"), record->format, text};
    auto written = store->Create(change);
    if (!written && written.error().code == ErrorCode::kConflict) {
      ++skipped;  // already loaded: loading is repeatable
      continue;
    }
    if (!written) return ReportErrors(written.errors(), "text");
    ++loaded;
  }
  std::printf("loaded %d patient(s); %d already present\n", loaded, skipped);
  return 0;
}

}  // namespace

int RunServe(const std::vector<std::string>& argv) {
  Args args;
  server::ServerConfig config;
  int status = 0;
  if (!Parse(argv, args, config, status)) return status;
  return server::RunServer(config);
}

int RunDb(const std::vector<std::string>& argv) {
  Args args;
  server::ServerConfig config;
  int status = 0;
  if (!Parse(argv, args, config, status)) return status;
  std::string what = args.positional.empty() ? "" : args.positional[0];
  if (what == "upgrade" || what == "status") {
    auto store = storage::OpenStore(config.store, what == "upgrade");
    if (!store) return ReportErrors(store.errors(), "text");
    auto before = (*store)->SchemaVersion();
    if (!before) return ReportErrors(before.errors(), "text");
    int needed = storage::RequiredSchemaVersion((*store)->Backend());
    if (what == "status") {
      std::printf("store: %s; schema version %d; this build needs %d%s\n",
                  std::string((*store)->Backend()).c_str(), *before, needed,
                  *before == needed ? "" : " (run oncnav db upgrade)");
      return *before == needed ? 0 : Describe(ErrorCode::kSchemaMismatch).exit_status;
    }
    auto after = (*store)->Upgrade();
    if (!after) return ReportErrors(after.errors(), "text");
    std::printf("store: %s; schema version %d -> %d\n", std::string((*store)->Backend()).c_str(),
                *before, *after);
    return 0;
  }
  if (what == "load" && args.positional.size() >= 2) return DbLoad(args, config);
  return ReportErrors({{ErrorCode::kUsage, "db", "use: db upgrade | db status | db load FILE..."}},
                      "text");
}

int RunUser(const std::vector<std::string>& argv) {
  Args args;
  server::ServerConfig config;
  int status = 0;
  if (!Parse(argv, args, config, status)) return status;
  std::string what = args.positional.empty() ? "" : args.positional[0];
  if (what == "add" && args.positional.size() == 2) {
    auto role = storage::ParseRole(args.Get("role").value_or(""));
    if (!role) {
      return ReportErrors({{ErrorCode::kUsage, "--role", "must be admin, clinician or viewer"}},
                          "text");
    }
    auto store = OpenChecked(config, status);
    if (!store) return status;
    std::string token = server::NewToken();
    auto user = store->AddUser(args.positional[1], *role, server::HashToken(token));
    if (!user) return ReportErrors(user.errors(), "text");
    std::fprintf(stderr,
                 "user %s (%s) created. Its token is shown only now; the store keeps a hash:\n",
                 user->name.c_str(), std::string(storage::RoleName(user->role)).c_str());
    std::printf("%s\n", token.c_str());
    return 0;
  }
  if (what == "list") {
    auto store = OpenChecked(config, status);
    if (!store) return status;
    auto users = store->Users();
    if (!users) return ReportErrors(users.errors(), "text");
    for (const auto& u : *users) {
      std::printf("%s\t%s\t%s\n", u.name.c_str(), std::string(storage::RoleName(u.role)).c_str(),
                  u.created_at.c_str());
    }
    return 0;
  }
  return ReportErrors(
      {{ErrorCode::kUsage, "user", "use: user add NAME --role admin|clinician|viewer | user list"}},
      "text");
}

}  // namespace oncnav::cli
