// io/atomic_file.hpp: what a killed run leaves behind is cleaned by the next one
// (temporaries carry their writer's pid), and an output directory is checked
// before any work (a file in the way, an unwritable place).
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace annealcheck::io;

fs::path fresh(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("atomic_file_test_" + std::to_string(getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The pid of a process that has exited (and been reaped).
pid_t dead_pid() {
  const pid_t p = fork();
  if (p == 0) _exit(0);
  waitpid(p, nullptr, 0);
  return p;
}

TEST(AtomicFile, TemporariesNameTheirWriter) {
  const fs::path d = fresh("names");
  const std::string t = temporary_beside((d / "r.json").string());
  EXPECT_NE(fs::path(t).filename().string().find(".r.json.tmp-" + std::to_string(getpid()) + "-"), std::string::npos) << t;
  fs::remove(t);
}

TEST(AtomicFile, StaleTemporariesOfDeadWritersAreRemoved) {
  const fs::path d = fresh("stale");
  const std::string dead = ".r.json.tmp-" + std::to_string(dead_pid()) + "-AbC123";
  const std::string alive = ".r.json.tmp-" + std::to_string(getpid()) + "-XyZ789";
  for (const auto& n : {dead, alive, std::string("r.json"), std::string(".hidden")}) std::ofstream(d / n) << "x";
  EXPECT_EQ(remove_stale_temporaries(d.string()), 1u);
  EXPECT_FALSE(fs::exists(d / dead));
  EXPECT_TRUE(fs::exists(d / alive));  // a running writer's file is left alone
  EXPECT_TRUE(fs::exists(d / "r.json"));
  EXPECT_TRUE(fs::exists(d / ".hidden"));
}

TEST(AtomicFile, WorkDirsOfDeadRunsAreRemoved) {
  const fs::path tmp = fs::temp_directory_path();
  const fs::path stale = tmp / ("annealcheck-atomic-test-" + std::to_string(dead_pid()) + "-QwErTy");
  fs::create_directories(stale / "inner");
  const std::string made = make_work_dir("annealcheck-atomic-test");
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::is_directory(made));
  EXPECT_NE(made.find("annealcheck-atomic-test-" + std::to_string(getpid()) + "-"), std::string::npos);
  fs::remove_all(made);
}

TEST(AtomicFile, OutputDirIsCheckedBeforeWork) {
  const fs::path d = fresh("prepare");
  std::ofstream(d / "file") << "x";
  EXPECT_THROW(prepare_output_dir((d / "file").string(), "--report-dir"), annealcheck::InputError);
  EXPECT_THROW(prepare_output_dir((d / "file" / "sub").string(), "--report-dir"), annealcheck::InputError);
  EXPECT_THROW(prepare_output_dir("/proc/annealcheck-no-such-dir", "--report-dir"), annealcheck::InputError);
  const fs::path ok = d / "new" / "reports";
  EXPECT_NO_THROW(prepare_output_dir(ok.string(), "--report-dir"));
  EXPECT_TRUE(fs::is_directory(ok));
  EXPECT_TRUE(fs::is_empty(ok));  // the probe file is gone
  try {
    prepare_output_dir((d / "file").string(), "--report-dir");
  } catch (const annealcheck::InputError& e) {
    EXPECT_EQ(e.field(), "--report-dir");
    EXPECT_NE(e.value().find("not a directory"), std::string::npos) << e.what();
  }
}

TEST(AtomicFile, FullDeviceIsReportedAsEnospcAndLeavesNothing) {
  // A tmpfs of 64 KiB, when this process may mount one (root in a container); else skipped.
  const fs::path d = fresh("full");
  if (geteuid() != 0 || std::system(("mount -t tmpfs -o size=64k tmpfs " + d.string() + " 2>/dev/null").c_str()) != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here";
  try {
    prepare_output_dir(d.string(), "--report-dir");  // < 1 MiB free: refused up front
    ADD_FAILURE() << "a 64 KiB filesystem passed the free-space check";
  } catch (const annealcheck::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("ENOSPC"), std::string::npos) << e.what();
  }
  try {
    write_file_atomically((d / "big.json").string(), std::string(1 << 20, 'x'), "--report-dir");  // fills mid-write
    ADD_FAILURE() << "1 MiB fitted into 64 KiB";
  } catch (const annealcheck::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("No space left"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::is_empty(d)) << "a partial file stayed";
  if (std::system(("umount " + d.string()).c_str()) != 0) ADD_FAILURE() << "umount failed";
}

}  // namespace
