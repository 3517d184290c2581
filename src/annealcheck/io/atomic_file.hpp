// Files written atomically: the content goes to a temporary file in the target's
// directory, then rename(2) replaces the target in one step, so a reader (or a
// process killed mid-write) never sees a partial file.
#pragma once

#include <string>

namespace annealcheck::io {

// A fresh temporary path next to `target` ("<dir>/.<name>.tmp-XXXXXX<suffix>"),
// created empty (mkstemps); throws std::runtime_error naming the directory.
std::string temporary_beside(const std::string& target, const std::string& suffix = "");

// Writes `content` to a temporary file beside `path`, fsyncs it and renames it over `path`.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace annealcheck::io
