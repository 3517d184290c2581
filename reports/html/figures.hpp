// The report's figures: gnuplot scripts (SVG terminal, io/gnuplot.hpp) drawn by
// one gnuplot process for the whole page (one per core, at most 4, for pages of
// 80 figures and more), so a campaign of 150 runs costs a few process starts, not 150.
//
//   margin_histogram_figure  the distribution of a run's relative margins
//                            (MarginHistogram): decade bins of |margin|, bars up
//                            for margins >= 0 (holds), down for < 0 (fails side)
//   trajectory_figure        both sides of an inequality along a trajectory
//                            (every GD step, then every GF checkpoint), the
//                            point where it broke marked
//   audit_figure             the precision audit's digits against bits, on a
//                            linear bits axis (audit/plot.hpp)
#pragma once

#include "annealcheck/audit/audit.hpp"
#include "properties/margin_histogram.hpp"
#include "reports/html/trajectory.hpp"

#include <string>
#include <vector>

namespace annealcheck::report::html {

struct Figure {
  std::string file;    // "hist-3.svg", in the report directory
  std::string data;    // written to a scratch file named by DATAFILE
  std::string script;  // complete: terminal, `set output OUTFILE`, plot DATAFILE
};

Figure margin_histogram_figure(const properties::MarginHistogram& h, const std::string& file);
Figure trajectory_figure(const SideTrajectory& t, const std::string& file);
Figure audit_figure(const audit::AuditResult& a, const std::string& file);

// Draws every figure into `dir` (one gnuplot run per core used); throws std::runtime_error
// (gnuplot missing or failing, or a figure missing or empty afterwards).
void draw_figures(const std::vector<Figure>& figures, const std::string& dir);

}  // namespace annealcheck::report::html
