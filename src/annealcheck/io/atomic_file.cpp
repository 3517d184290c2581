#include "annealcheck/io/atomic_file.hpp"

#include "annealcheck/io/input_error.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace annealcheck::io {

std::string temporary_sibling(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
}

void commit_file(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(from.c_str());
    throw std::runtime_error("cannot rename " + from + " to " + to + ": " + why);
  }
}

void write_file_atomically(const std::string& path, const std::string& content, const std::string& field) {
  const std::string tmp = temporary_sibling(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(field, "\"" + path + "\"", "a path in a writable directory (" + std::string(std::strerror(errno)) + ")");
    out << content;
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw InputError(field, "\"" + path + "\"", "a path on a device with room for the file");
    }
  }
  commit_file(tmp, path);
}

}  // namespace annealcheck::io
