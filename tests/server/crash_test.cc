// kill -9 during a burst of concurrent writes: every acknowledged write survives, the database
// is intact, and no record is half-written.
#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "server_test_support.h"

namespace oncnav::testing {
namespace {

const char* kFile = "native/hr-positive-bone-only-first-line.json";
const char* kId = "demo-hr-bone-only-1l";

std::string Pragma(const std::string& db_path, const char* sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      auto text = sqlite3_column_text(stmt, 0);
      out = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return out;
}

TEST_P(ServerTest, KillDuringConcurrentWritesLosesNoAcknowledgedWrite) {
  std::string doc = Example(kFile);
  server_->Stop();
  const std::vector<std::string> no_limits = {
      "--config", std::string(ONCNAV_SOURCE_DIR) + "/tests/server/no_limits.json"};
  Start(no_limits);
  const int kWriters = 6;
  std::mutex mutex;
  std::map<std::string, int64_t> acknowledged;  // patient -> newest acknowledged revision
  std::atomic<int> acks{0};
  std::atomic<bool> killed{false};
  std::atomic<int> finished{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto client = server_->Client();
      client->set_connection_timeout(2, 0);
      for (int n = 0; !killed; ++n) {
        std::string id = "crash-" + std::to_string(w) + "-" + std::to_string(n);
        std::string body = WithId(doc, kId, id);
        auto created = client->Post("/patients", Bearer(clinician_), body, "application/json");
        if (!created || created->status != 201) break;
        {
          std::lock_guard lock(mutex);
          acknowledged[id] = 1;
        }
        ++acks;
        // Then a chain of updates on the same patient.
        for (int64_t rev = 1; rev < 3 && !killed; ++rev) {
          auto updated =
              client->Put("/patients/" + id, BearerIfMatch(clinician_, std::to_string(rev)), body,
                          "application/json");
          if (!updated || updated->status != 200) break;
          std::lock_guard lock(mutex);
          acknowledged[id] = rev + 1;
          ++acks;
        }
      }
      ++finished;
    });
  }
  // Kill once a good number of writes were acknowledged, while the writers are still busy.
  while (acks < 150 && finished < kWriters) std::this_thread::yield();
  int finished_before_kill = finished;
  server_->Kill();
  killed = true;
  for (auto& t : writers) t.join();
  EXPECT_EQ(finished_before_kill, 0) << "writers stopped before the kill";
  ASSERT_GE(acknowledged.size(), 10u);

  if (sqlite()) {
    EXPECT_EQ(Pragma(db_path(), "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Pragma(db_path(),
                     "SELECT count(*) FROM patient p WHERE NOT EXISTS (SELECT 1 FROM "
                     "patient_revision r WHERE r.patient_id = p.id AND r.revision = p.revision)"),
              "0");
  }

  Start(no_limits);
  for (const auto& [id, revision] : acknowledged) {
    auto read = client_->Get("/patients/" + id, Bearer(viewer_));
    ASSERT_TRUE(read);
    ASSERT_EQ(read->status, 200) << id;
    json j = Body(read);
    // At least the acknowledged revision (a write may commit just before its answer is lost).
    EXPECT_GE(j["revision"].get<int64_t>(), revision) << id;
    EXPECT_EQ(j["record"]["patient"]["id"], id);  // the whole document, not a part
    auto history = Body(client_->Get("/patients/" + id + "/history", Bearer(viewer_)));
    EXPECT_EQ(history["revisions"].size(), j["revision"].get<size_t>()) << id;
  }
  // Every stored patient (acknowledged or not) is whole and readable.
  auto list = Body(client_->Get("/patients?limit=1000", Bearer(viewer_)));
  for (const auto& p : list["patients"]) {
    auto ev =
        client_->Get("/patients/" + p["id"].get<std::string>() + "/evaluation", Bearer(viewer_));
    EXPECT_EQ(ev->status, 200) << p["id"];
  }
}

}  // namespace
}  // namespace oncnav::testing
