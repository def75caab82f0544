#pragma once

// Test harness: a temporary data directory, the `oncnav` CLI, and a real `oncnav serve` process
// on loopback with an ephemeral port. Every server started here is stopped by its destructor
// (and killed by the kernel if the test process dies first).

#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace oncnav::testing {

// A directory under /tmp removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct CliResult {
  int status = -1;
  std::string out;  // stdout
};

// Runs `oncnav ARGS...` and captures stdout (stderr goes to the test's stderr).
CliResult RunCli(const std::vector<std::string>& args);

std::string ReadFile(const std::string& path);

class ServerProcess {
 public:
  // Starts `oncnav serve --port 0 --data-dir DIR [extra...]` and waits for its "serving on"
  // line. started() is false when it exited instead (its stderr is in stderr_path()).
  ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra = {});
  ~ServerProcess();

  bool started() const { return port_ > 0; }
  // The exit status when the server did not start.
  int exit_status() const { return exit_status_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string stderr_text() const { return ReadFile(stderr_path_); }
  std::unique_ptr<httplib::Client> Client() const;

  // SIGTERM and wait; returns the exit status (or -1).
  int Stop();
  // SIGKILL and reap: a crash.
  void Kill();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_status_ = -1;
  std::string stderr_path_;
};

}  // namespace oncnav::testing
