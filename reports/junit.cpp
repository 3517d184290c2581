#include "reports/junit.hpp"

#include "reports/html/html_text.hpp"

#include <fmt/format.h>

namespace annealcheck::cli {

// Text and attribute values: the five XML entities, no control characters (XML 1.0
// forbids most of them even escaped): the report page's escape does both.
using report::html::escape;

std::string render_junit(const std::string& suite, const std::vector<JunitCase>& cases, double seconds) {
  std::size_t failures = 0;
  for (const auto& c : cases) failures += c.ok ? 0 : 1;
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{:.3f}\">\n", escape(suite), cases.size(),
                   failures, seconds);
  x += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"{:.3f}\">\n", escape(suite),
                   cases.size(), failures, seconds);
  for (const auto& c : cases) {
    x += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\">\n", escape(c.classname), escape(c.name), c.seconds);
    if (!c.ok) x += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", escape(c.message), "annealcheck", escape(c.detail));
    if (!c.output.empty()) x += fmt::format("      <system-out>{}</system-out>\n", escape(c.output));
    x += "    </testcase>\n";
  }
  x += "  </testsuite>\n</testsuites>\n";
  return x;
}

}  // namespace annealcheck::cli
