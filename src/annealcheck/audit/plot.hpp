// The audit's plot (issue 5): correct digits against precision bits, one line per
// counted quantity (plus the worst margin), with the threshold D, drawn by gnuplot
// (Debian gnuplot-nox) as PNG (pngcairo) or SVG, chosen by the file extension.
// gnuplot writes into a temporary file beside the target, renamed over it only
// when gnuplot succeeded: no partial image is ever visible.
#pragma once

#include "annealcheck/audit/audit.hpp"

#include <string>

namespace annealcheck::audit {

// The gnuplot data block and script (no file access): exposed for tests.
struct PlotScript {
  std::string data;    // one row per rung: bits, then one column per series ("?" = missing)
  std::string script;  // reads DATAFILE, writes OUTFILE (placeholders replaced by write_plot)
  std::size_t series = 0;
};
// `linear_bits`: a linear bits axis, on which each quantity's digits are a straight
// line in the bits (the HTML report); otherwise log scale (the --plot file).
PlotScript plot_script(const AuditResult& a, const std::string& terminal, bool linear_bits = false);

// InputError when the extension is neither .png nor .svg; std::runtime_error
// when gnuplot is missing or fails.
void write_plot(const AuditResult& a, const std::string& path);

}  // namespace annealcheck::audit
