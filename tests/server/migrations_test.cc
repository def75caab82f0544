// The embedded migrations: numbered from 1 without gaps, the same versions for every backend.
#include "oncnav/storage/migrations.h"

#include <gtest/gtest.h>

namespace oncnav::storage {
namespace {

TEST(Migrations, AreNumberedWithoutGapsAndAlignedAcrossBackends) {
  auto sqlite = MigrationsFor("sqlite");
  auto postgresql = MigrationsFor("postgresql");
  ASSERT_FALSE(sqlite.empty());
  ASSERT_EQ(sqlite.size(), postgresql.size());
  for (size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(postgresql[i].version, sqlite[i].version);
    EXPECT_EQ(postgresql[i].name, sqlite[i].name);
    EXPECT_FALSE(sqlite[i].sql.empty());
  }
  EXPECT_EQ(RequiredSchemaVersion("sqlite"), static_cast<int>(sqlite.size()));
  EXPECT_EQ(RequiredSchemaVersion("postgresql"), RequiredSchemaVersion("sqlite"));
  EXPECT_EQ(RequiredSchemaVersion("unknown"), 0);
}

}  // namespace
}  // namespace oncnav::storage
