#include "annealcheck/io/atomic_file.hpp"

#include "annealcheck/io/input_error.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <string_view>
#include <vector>

namespace annealcheck::io {
namespace {
std::string errno_text(int e) { return std::string(std::strerror(e)) + (e == ENOSPC ? " (ENOSPC)" : ""); }
}  // namespace

std::string file_name_safe(std::string name) {
  for (char& c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
  return name;
}

std::string temporary_beside(const std::string& target, const std::string& suffix, const std::string& field) {
  const std::size_t slash = target.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash == 0 ? 1 : slash);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  const std::string templ = dir + "/." + name + ".tmp-" + std::to_string(getpid()) + "-XXXXXX" + suffix;
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  const int fd = mkstemps(buf.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw InputError(field, "\"" + target + "\"", "a path in a writable directory (" + std::string(std::strerror(errno)) + ")");
  // mkstemps makes the file 0600; give it the mode a plain creation would (0666 & ~umask).
  static const mode_t mask = [] {
    const mode_t m = umask(022);
    umask(m);
    return m;
  }();
  fchmod(fd, 0666 & ~mask);
  close(fd);
  return std::string(buf.data());
}

void commit_file(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(from.c_str());
    throw std::runtime_error("cannot rename " + from + " to " + to + ": " + why);
  }
}

void write_file_atomically(const std::string& path, const std::string& content, const std::string& field) {
  const std::string tmp = temporary_beside(path, "", field);
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    std::remove(tmp.c_str());
    throw InputError(field, "\"" + path + "\"", "a writable path (" + std::string(std::strerror(errno)) + ")");
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  const int e = errno;  // before fclose
  const bool ok = std::fclose(f) == 0 && written;
  if (!ok) {
    const std::string why = errno_text(written ? errno : e);
    std::remove(tmp.c_str());
    throw InputError(field, quote(path) + " (cannot write: " + why + ")", "a device with room for the file");
  }
  commit_file(tmp, path);
}

namespace {

namespace fs = std::filesystem;

// Whether process `pid` is gone: kill(pid, 0) says no such process, or it is a
// zombie (killed, not yet reaped — in a container whose init reaps late, a
// killed worker lingers so; it will never write again).
bool process_gone(const std::string& pid) {
  try {
    if (kill(static_cast<pid_t>(std::stol(pid)), 0) != 0) return errno == ESRCH;
  } catch (const std::exception&) {
    return false;
  }
  std::ifstream stat("/proc/" + pid + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto close = line.rfind(')');  // "pid (comm) S ...": the state follows the last ')'
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

// The pid in "<pid>-XXXXXX..." (mkstemp's six letters and digits), when `rest`
// starts so; `exact`: nothing may follow.
std::string owner_pid(std::string_view rest, bool exact) {
  std::size_t i = 0;
  while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
  if (i == 0 || i > 10 || rest.size() < i + 7 || rest[i] != '-') return "";
  for (std::size_t k = i + 1; k < i + 7; ++k)
    if (!std::isalnum(static_cast<unsigned char>(rest[k]))) return "";
  if (exact && rest.size() != i + 7) return "";
  return std::string(rest.substr(0, i));
}

// Removes the entries of `dir` whose name gives an owner pid (`owner`) whose process is gone.
template <class Owner>
std::size_t remove_orphans(const fs::path& dir, Owner owner) {
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string pid = owner(it->path().filename().string());
    if (!pid.empty() && process_gone(pid)) {
      std::error_code rm;
      if (fs::remove_all(it->path(), rm) > 0) ++removed;
    }
  }
  return removed;
}

}  // namespace

std::size_t remove_stale_temporaries(const std::string& dir) {
  return remove_orphans(dir, [](const std::string& name) {  // ".<name>.tmp-<pid>-XXXXXX<suffix>"
    const std::size_t at = name.rfind(".tmp-");
    return name.size() > 1 && name[0] == '.' && at != std::string::npos && at > 0 ? owner_pid(std::string_view(name).substr(at + 5), false)
                                                                                  : std::string();
  });
}

void prepare_output_dir(const std::string& dir, const std::string& field) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw InputError(field, quote(dir) + " (exists and is not a directory)", "a directory to write into");
  fs::create_directories(dir, ec);
  if (ec) throw InputError(field, quote(dir) + " (cannot be created: " + ec.message() + ")", "a directory that can be created and written");
  remove_stale_temporaries(dir);
  const std::string probe = temporary_beside((fs::path(dir) / "write-probe").string(), "", field);
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  const bool ok = f && std::fwrite("{}\n", 1, 3, f) == 3 && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  const int e = errno;
  if (f) std::fclose(f);
  std::remove(probe.c_str());
  if (!ok) throw InputError(field, quote(dir) + " (cannot write: " + errno_text(e) + ")", "a writable directory with free space");
  struct statvfs st {};
  if (statvfs(dir.c_str(), &st) == 0 && static_cast<unsigned long long>(st.f_bavail) * st.f_frsize < (1ull << 20))
    throw InputError(field, quote(dir) + " (less than 1 MiB free: " + errno_text(ENOSPC) + ")", "a writable directory with free space");
}

std::string make_work_dir(const std::string& prefix) {
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  remove_orphans(tmp, [&](const std::string& name) {  // "<prefix>-<pid>-XXXXXX"
    return name.rfind(prefix + "-", 0) == 0 ? owner_pid(std::string_view(name).substr(prefix.size() + 1), true) : std::string();
  });
  std::string templ = (tmp / (prefix + "-" + std::to_string(getpid()) + "-XXXXXX")).string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("cannot create a work directory in " + tmp.string() + ": " + std::strerror(errno));
  return templ;
}

}  // namespace annealcheck::io
