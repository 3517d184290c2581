// A directory written atomically: filled under a temporary name beside the
// target ("<parent>/.<name>.tmp-<pid>-XXXXXX"), then renamed into place —
// exchanged with an existing report directory in one renameat2(RENAME_EXCHANGE),
// the old one removed afterwards. A reader sees the old report or the new one,
// never a mixture; a killed writer leaves only the hidden temporary.
#pragma once

#include <string>

namespace annealcheck::report::html {

// Creates the temporary directory; InputError (field) when the parent is missing or not writable,
// or when `target` exists and is not a directory holding an index.html (a report we may replace).
std::string begin_directory(const std::string& target, const std::string& field);
// A file inside the temporary directory (not yet visible: no rename of its own); InputError on failure.
void write_inside(const std::string& temporary, const std::string& name, const std::string& content, const std::string& field);
// Flushes the temporary directory's files to disk (one syncfs), then moves `temporary` onto `target` (InputError on failure; the temporary is removed).
void commit_directory(const std::string& temporary, const std::string& target, const std::string& field);

}  // namespace annealcheck::report::html
