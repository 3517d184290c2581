// Files written atomically: the content goes to a temporary file in the same
// directory, which is renamed over the destination only when complete, so a
// reader never sees a partial file and a failed run leaves no file behind.
#pragma once

#include <string>

namespace annealcheck::io {

// Writes `content` to `path` atomically. Throws InputError (field `field`) when
// the directory cannot be written.
void write_file_atomically(const std::string& path, const std::string& content, const std::string& field = "output");

// A fresh temporary name next to `path` (same directory, so rename is atomic).
std::string temporary_sibling(const std::string& path);

// rename(2) `from` onto `to`; throws std::runtime_error on failure.
void commit_file(const std::string& from, const std::string& to);

}  // namespace annealcheck::io
