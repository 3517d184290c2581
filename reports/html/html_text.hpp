// Text into HTML: every string the report shows (ids, statements, case JSON,
// error messages, command lines) goes through escape(), in element content and
// in double-quoted attribute values alike.
#pragma once

#include <string>
#include <string_view>

namespace annealcheck::report::html {

// & < > " ' as character references, control characters other than tab and newline
// as a space (so the result is also valid XML 1.0 text: reports/junit.cpp); other bytes
// unchanged (UTF-8 passes through).
std::string escape(std::string_view s);

// <tag class="cls">escaped text</tag>
std::string element(std::string_view tag, std::string_view text, std::string_view cls = "");

// A table row of escaped cells: <tr><th>head</th><td>value</td></tr>
std::string field_row(std::string_view head, std::string_view value);

}  // namespace annealcheck::report::html
