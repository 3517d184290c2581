// Figure 1 of the paper, redrawn from computed trajectories (SPEC §4):
// (a) both runs over train-loss contours in β-space — GF, and GD with η = 1/γ_1
//     followed by GF; (b) the end of both runs near β* with the stopping
//     ellipse L̂ = ε; (c) the same window over test-loss contours, with both
//     end points. Written as PNG (gnuplot's pngcairo, or png if absent) and SVG
//     through gnuplot (Debian's gnuplot-nox), from a data file and a script
//     that are kept next to the images, so the plot can be regenerated and the
//     plotted data checked (tests/prop1/figure_test.cpp).
// Every file is written to a temporary name in the same directory and renamed
// into place only when complete.
#pragma once

#include "annealcheck/prop1/report.hpp"

#include <string>
#include <vector>

namespace annealcheck::prop1 {

// One plotted point: β, the residual β − β*, and both losses there (display
// values: converted to double once, at the end).
struct FigurePoint {
  double beta1 = 0, beta2 = 0, r1 = 0, r2 = 0, train = 0, test = 0;
};

struct FigureBlock {
  std::string name;  // gf_path, annealed_gd, annealed_flow, stopping_ellipse, train_contour, zoom_train_contour, test_contour, markers
  std::string label;
  std::vector<FigurePoint> points;
};

struct FigureData {
  std::string title;
  double eps = 0;
  double zoom_half_width = 0;
  std::vector<FigureBlock> blocks;
};

// The data file format: "# block <index>: <name> <label>" then one row per point
// (beta1 beta2 r1 r2 train test), blocks separated by two blank lines (gnuplot's
// `index`). parse_figure_data reads it back (for tests).
std::string figure_data_text(const FigureData& f);
std::vector<FigureBlock> parse_figure_data(const std::string& text);

// Writes PREFIX.dat, PREFIX.gp, PREFIX.png, PREFIX.svg. Throws InputError when
// PREFIX's directory is not writable, std::runtime_error when gnuplot fails.
FigureFiles write_figure(const FigureData& f, const std::string& prefix);

}  // namespace annealcheck::prop1
