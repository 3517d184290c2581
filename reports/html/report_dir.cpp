#include "reports/html/report_dir.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace annealcheck::report::html {
namespace fs = std::filesystem;

namespace {

fs::path parent_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

std::string begin_directory(const std::string& target_in, const std::string& field) {
  fs::path target(target_in);
  if (target.filename().empty()) target = target.parent_path();  // "out/" names "out"
  if (target.empty()) throw InputError(field, "\"\"", "a directory path for the report");
  std::error_code ec;
  const fs::path parent = parent_of(target);
  if (!fs::is_directory(parent, ec))
    throw InputError(field, quoted(target_in) + " (parent directory " + parent.string() + " does not exist)", "a path in an existing directory");
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec))
      throw InputError(field, quoted(target_in) + " (exists and is not a directory)", "a new directory or an earlier report directory");
    if (!fs::is_empty(target, ec) && !fs::exists(target / "index.html", ec))
      throw InputError(field, quoted(target_in) + " (a non-empty directory without index.html)",
                       "a new directory or an earlier report directory (it is replaced as a whole)");
  }
  io::remove_stale_temporaries(parent.string());  // temporaries of killed writers
  std::string templ = (parent / fmt::format(".{}.tmp-{}-XXXXXX", target.filename().string(), getpid())).string();
  if (!mkdtemp(templ.data()))
    throw InputError(field, quoted(target_in) + " (cannot create a directory in " + parent.string() + ": " + std::strerror(errno) + ")",
                     "a path in a writable directory");
  fs::permissions(templ, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec, ec);
  return templ;
}

void write_inside(const std::string& temporary, const std::string& name, const std::string& content, const std::string& field) {
  const fs::path p = fs::path(temporary) / name;
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw InputError(field, quoted(p.string()) + " (cannot write: " + std::strerror(errno) + ")", "a writable directory with free space");
}

void commit_directory(const std::string& temporary, const std::string& target_in, const std::string& field) {
  if (const int fd = ::open(temporary.c_str(), O_RDONLY | O_DIRECTORY); fd >= 0) {  // the files on disk before they become visible
    ::syncfs(fd);
    ::close(fd);
  }
  fs::path target(target_in);
  if (target.filename().empty()) target = target.parent_path();
  std::error_code ec;
  const auto fail = [&](int e) {
    fs::remove_all(temporary, ec);
    throw InputError(field, quoted(target_in) + " (cannot move the report into place: " + std::strerror(e) + ")", "a writable directory");
  };
  if (!fs::exists(target, ec)) {
    if (::rename(temporary.c_str(), target.c_str()) != 0) fail(errno);
    return;
  }
  // An earlier report: swap the two in one step, then remove the old one (now at the temporary name).
  if (renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) fail(errno);
  fs::remove_all(temporary, ec);
}

}  // namespace annealcheck::report::html
