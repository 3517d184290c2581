// The campaign report page (issue 15): `verify --html DIR` (also `check --html`,
// `audit --html`) writes a self-contained static directory
//
//   DIR/index.html          header, one row per property × type, details, counterexamples, audit
//   DIR/margins-N.svg       distribution of run N's relative margins (MarginHistogram)
//   DIR/trajectory-N.svg    both sides of run N's counterexample along its trajectory
//   DIR/counterexample-N.json  run N's counterexample report (counterexample_report.hpp)
//   DIR/instance-N.json     its shrunk instance, when `annealcheck eval` reads it (the replay command names it)
//   DIR/audit.svg           the precision audit: digits against bits, linear bits axis
//
// No network, no script: plain HTML with inline CSS and <img> SVGs drawn by gnuplot
// (figures.hpp). Every text is HTML-escaped (html_text.hpp). Every link is inside
// the directory (#anchors and the files above).
// Written atomically as a directory (report_dir.hpp): built in a temporary
// directory beside DIR, then exchanged with DIR in one rename.
#pragma once

#include "reports/html/campaign.hpp"
#include "reports/html/figures.hpp"

#include <string>
#include <utility>
#include <vector>

namespace annealcheck::report::html {

struct RenderedReport {
  std::string index_html;
  std::vector<Figure> figures;                                // drawn by gnuplot into the directory
  std::vector<std::pair<std::string, std::string>> files;     // other files: name, content
};

// The page and what goes beside it, no file access (tests, bench).
RenderedReport render_report(const Campaign& c);

// render_report, figures drawn, all committed atomically as `dir`. Throws InputError
// (field `field`) when dir cannot be written, std::runtime_error when gnuplot fails.
void write_html_report(const std::string& dir, const Campaign& c, const std::string& field = "--html");

// Bits at which run r's counterexample would still be decided, estimated from its
// error bound (which scales as 2^-bits): ceil(bits + log2(relative_bound / |relative_margin|)).
// 0 when not known (exact type, no bound, or no counterexample).
long estimated_minimal_bits(const properties::Verdict& v);

}  // namespace annealcheck::report::html
