#include "annealcheck/io/atomic_file.hpp"

#include "annealcheck/io/input_error.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace annealcheck::io {

std::string file_name_safe(std::string name) {
  for (char& c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
  return name;
}

std::string temporary_beside(const std::string& target, const std::string& suffix, const std::string& field) {
  const std::size_t slash = target.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash == 0 ? 1 : slash);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  const std::string templ = dir + "/." + name + ".tmp-XXXXXX" + suffix;
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
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
  std::fclose(f);
  if (!ok) {
    const std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    throw InputError(field, "\"" + path + "\"", "a device with room for the file (" + why + ")");
  }
  commit_file(tmp, path);
}

}  // namespace annealcheck::io
