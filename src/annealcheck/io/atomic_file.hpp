// Files written atomically: the content goes to a hidden temporary file in the
// target's directory, is flushed to disk (fsync), and rename(2) then replaces the
// target in one step — a reader, or a process killed mid-write, never sees a
// partial file under the real name.
#pragma once

#include <cstddef>
#include <string>

namespace annealcheck::io {

// A fresh temporary path beside `target` ("<dir>/.<name>.tmp-<pid>-XXXXXX<suffix>"),
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

// Temporaries of processes that no longer run (killed mid-write): every
// ".<name>.tmp-<pid>-XXXXXX..." in `dir` whose pid is gone is removed. Returns how many.
std::size_t remove_stale_temporaries(const std::string& dir);

// Before any work: `dir` is a directory (created if missing) on a writable
// filesystem with room (a probe file is written, fsynced and removed), and stale
// temporaries are removed. Throws InputError (field `field`) naming the cause:
// a file in the way, a read-only filesystem, no permission, no space (ENOSPC).
void prepare_output_dir(const std::string& dir, const std::string& field);

// A fresh private work directory "<TMPDIR>/<prefix>-<pid>-XXXXXX"; the work
// directories of earlier runs whose process is gone (killed) are removed first.
std::string make_work_dir(const std::string& prefix);

}  // namespace annealcheck::io
