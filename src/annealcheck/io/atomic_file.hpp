// Files written atomically: the content goes to a hidden temporary file in the
// target's directory, is flushed to disk (fsync), and rename(2) then replaces the
// target in one step — a reader, or a process killed mid-write, never sees a
// partial file under the real name.
#pragma once

#include <string>

namespace annealcheck::io {

// A fresh temporary path beside `target` ("<dir>/.<name>.tmp-XXXXXX<suffix>"),
// created empty with the mode a plain creation would get; throws InputError
// (field `field`) naming the directory when it cannot.
std::string temporary_beside(const std::string& target, const std::string& suffix = "", const std::string& field = "output");
inline std::string temporary_sibling(const std::string& target) { return temporary_beside(target); }

// rename(2) `from` onto `to` (same directory); removes `from` and throws on failure.
void commit_file(const std::string& from, const std::string& to);

// Writes `content` beside `path`, fsyncs it and renames it over `path`. Throws
// InputError (field `field`: the option that named the path) when it cannot.
void write_file_atomically(const std::string& path, const std::string& content, const std::string& field = "output");

// `name` with every character outside [A-Za-z0-9._-] replaced by '_' (a file
// name part built from an id such as "mpfr:300").
std::string file_name_safe(std::string name);

}  // namespace annealcheck::io
