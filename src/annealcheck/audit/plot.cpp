#include "annealcheck/audit/plot.hpp"

#include "annealcheck/audit/render.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/gnuplot.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <unistd.h>

namespace annealcheck::audit {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char a, char b) { return std::tolower(a) == b; });
}

}  // namespace

PlotScript plot_script(const AuditResult& a, const std::string& terminal, bool linear_bits) {
  PlotScript p;
  const std::vector<DigitSeries> series = digit_series(a);
  p.series = series.size();
  // Rows in ladder order, sorted by bits (stable), so the lines run left to right.
  std::vector<std::size_t> order(a.rungs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return a.rungs[x].bits < a.rungs[y].bits; });
  p.data = "bits";
  for (const auto& s : series) p.data += " \"" + s.name + "\"";
  p.data += " type\n";
  double ymax = a.options.min_digits;
  for (std::size_t i : order) {
    p.data += std::to_string(a.rungs[i].bits);
    for (const auto& s : series) {
      if (s.digits[i]) {
        p.data += fmt::format(" {:.3f}", *s.digits[i]);
        ymax = std::max(ymax, *s.digits[i]);
      } else {
        p.data += " ?";
      }
    }
    p.data += " \"" + a.rungs[i].type_id + "\"\n";
  }
  std::string& g = p.script;
  g += terminal + "\n";
  g += "set output OUTFILE\n";
  g += "set datafile missing '?'\n";
  g += "set title " + io::gnuplot_quote("correct significant digits vs precision: " + a.problem_source) + " noenhanced font ',10'\n";
  g += linear_bits ? "set xlabel 'significand bits of the rung'\n" : "set xlabel 'significand bits of the rung (log scale)'\n";
  g += "set ylabel 'correct digits against the MPFI reference'\n";
  if (!linear_bits) g += "set logscale x 2\n";
  g += fmt::format("set yrange [0:{:.0f}]\n", std::ceil(ymax * 1.08 + 1));
  g += "set key outside right top vertical noenhanced font ',8'\n";
  g += "set grid\n";
  g += fmt::format("set arrow from graph 0, first {0} to graph 1, first {0} nohead dashtype 2 linecolor 'red'\n", a.options.min_digits);
  g += fmt::format("set label 'D = {}' at graph 0.01, first {} offset 0,0.6 textcolor 'red'\n", a.options.min_digits, a.options.min_digits);
  g += fmt::format("plot for [c=2:{}] DATAFILE using 1:c with linespoints pointsize 0.8 title columnheader(c)\n", 1 + series.size());
  return p;
}

void write_plot(const AuditResult& a, const std::string& path) {
  std::string terminal, suffix;
  if (ends_with(path, ".png")) terminal = "set terminal pngcairo size 1200,700 noenhanced", suffix = ".png";
  else if (ends_with(path, ".svg")) terminal = "set terminal svg size 1200,700 dynamic noenhanced", suffix = ".svg";
  else throw InputError("--plot", "\"" + path + "\"", "a file name ending in .png or .svg");
  // Fail on a bad directory before any work.
  std::string out_tmp;
  try {
    out_tmp = io::temporary_beside(path, suffix);
  } catch (const std::runtime_error& e) {
    throw InputError("--plot", "\"" + path + "\" (" + e.what() + ")", "a path in an existing, writable directory");
  }
  const PlotScript p = plot_script(a, terminal);
  char dir_templ[] = "/tmp/annealcheck-plot-XXXXXX";
  if (!mkdtemp(dir_templ)) {
    std::remove(out_tmp.c_str());
    throw std::runtime_error(std::string("cannot create a temporary directory: ") + std::strerror(errno));
  }
  const std::string dir = dir_templ, data = dir + "/digits.dat", script = dir + "/plot.gp";
  auto cleanup = [&] {
    std::remove(data.c_str());
    std::remove(script.c_str());
    rmdir(dir.c_str());
  };
  try {
    io::write_file_atomically(data, p.data);
    io::write_file_atomically(script, "DATAFILE = " + io::gnuplot_quote(data) + "\nOUTFILE = " + io::gnuplot_quote(out_tmp) + "\n" + p.script);
    io::run_gnuplot({script}, dir + "/gnuplot.log", "drawing " + path);
    if (std::rename(out_tmp.c_str(), path.c_str()) != 0) throw std::runtime_error("cannot rename the plot to " + path + ": " + std::strerror(errno));
  } catch (...) {
    std::remove(out_tmp.c_str());
    cleanup();
    throw;
  }
  cleanup();
}

}  // namespace annealcheck::audit
