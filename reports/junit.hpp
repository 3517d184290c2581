// JUnit XML for CI servers (GitLab, Jenkins, GitHub readers): one <testcase> per
// property × type of a `verify` run. A refutation of a known-false claim is a
// passing testcase; a failing run carries its counterexample summary.
#pragma once

#include <string>
#include <vector>

namespace annealcheck::cli {

struct JunitCase {
  std::string classname;  // property id
  std::string name;       // number type
  double seconds = 0;
  bool ok = true;
  std::string message;    // failure: one line (verdict)
  std::string detail;     // failure: the counterexample summary / reason
  std::string output;     // <system-out>: verdict, smallest margin, bound
};

// The document (testsuites > testsuite > testcase), XML-escaped.
std::string render_junit(const std::string& suite, const std::vector<JunitCase>& cases, double seconds);

}  // namespace annealcheck::cli
