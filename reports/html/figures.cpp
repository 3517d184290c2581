#include "reports/html/figures.hpp"

#include "annealcheck/audit/plot.hpp"
#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/gnuplot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <exception>
#include <stdexcept>
#include <thread>

namespace annealcheck::report::html {

namespace {
constexpr const char* kSmallTerminal = "set terminal svg size {},{} dynamic noenhanced font 'sans,{}' background rgb 'white'\n";
}

Figure margin_histogram_figure(const properties::MarginHistogram& h, const std::string& file) {
  using H = properties::MarginHistogram;
  Figure f{file, "", ""};
  int lo = H::kHighest, hi = H::kLowest;
  for (std::size_t k = 0; k < H::kBins; ++k)
    if (h.positive[k] || h.negative[k]) {
      const int decade = H::kLowest + static_cast<int>(k);
      lo = std::min(lo, decade), hi = std::max(hi, decade);
      f.data += fmt::format("{} {} {}\n", decade + 0.5, h.positive[k], h.negative[k]);
    }
  if (f.data.empty()) lo = -1, hi = 0, f.data = "0.5 0 0\n";  // nothing decided: an empty frame
  std::string& g = f.script;
  g += fmt::format(kSmallTerminal, 260, 80, 7);
  g += "set output OUTFILE\nunset key\nset border 3\nset tics nomirror scale 0.5\nset xzeroaxis lt -1\n";
  g += "set lmargin 5\nset rmargin 1\nset tmargin 0.5\nset bmargin 1.6\nset autoscale ymin\nset autoscale ymax\n";
  g += fmt::format("set xrange [{}:{}]\nset xtics out format '1e%g' {}\n", lo - 0.5, hi + 1.5, std::max(1, (hi - lo + 2) / 4));
  g += "set ytics autofreq\nset style fill solid 0.8 noborder\nset boxwidth 0.9\n";
  g += "plot DATAFILE using 1:2 with boxes lc rgb '#2a7ab0', '' using 1:(-$3) with boxes lc rgb '#c0392b'\n";
  return f;
}

Figure trajectory_figure(const SideTrajectory& t, const std::string& file) {
  Figure f{file, "", ""};
  bool positive = true;
  long last_gd = -1;
  for (std::size_t i = 0; i < t.points.size(); ++i) {
    const TrajectoryPoint& p = t.points[i];
    positive = positive && p.lhs > 0 && p.rhs > 0;
    if (p.descent) last_gd = static_cast<long>(i);
    f.data += fmt::format("{} {:.17g} {:.17g} \"{}{}\"\n", i, p.lhs, p.rhs, p.descent ? "t=" : "j=", p.index);
  }
  const bool many = t.points.size() > 60, named = t.points.size() <= 24;  // few points: each named (GD t=..., GF j=...)
  std::string& g = f.script;
  g += fmt::format(kSmallTerminal, 720, 340, 10);
  g += "set output OUTFILE\nset key outside bottom center horizontal noenhanced\nset grid\n";
  g += "set title " + io::gnuplot_quote(t.label + ": " + t.lhs_name + " " + t.relation + " " + t.rhs_name) + " noenhanced\n";
  g += last_gd >= 0 ? "set xlabel 'GD steps t = 0, 1, ..., then GF checkpoints j = 0, 1, ... (the last: the stop)'\n"
                    : "set xlabel 'GF checkpoints j = 0, 1, ... (the last: the stop)'\n";
  if (positive) g += "set logscale y\nset format y '%.0e'\n";
  if (last_gd >= 0 && last_gd + 1 < static_cast<long>(t.points.size()))
    g += fmt::format("set arrow from {0}.5, graph 0 to {0}.5, graph 1 nohead dashtype 3 lc rgb 'gray'\n", last_gd);
  g += fmt::format("set arrow from {0}, graph 0 to {0}, graph 1 nohead lw 2 lc rgb 'red'\n", t.break_at);
  g += fmt::format("set label 'broke here' at {}, graph 0.95 right offset -0.5,0 textcolor rgb 'red'\n", t.break_at);
  const TrajectoryPoint& b = t.points.at(t.break_at);  // the values, even where the axis scale hides them
  g += fmt::format("set label 'there: lhs = {:.6g}, rhs = {:.6g}' at {}, graph 0.88 right offset -0.5,0 textcolor rgb 'red'\n", b.lhs, b.rhs, t.break_at);
  g += fmt::format("set xrange [-0.5:{}]\n", static_cast<double>(t.points.size()) - 0.5);
  g += fmt::format("plot DATAFILE using 1:2{3} with {0} lc rgb '#2a7ab0' title {1}, '' using 1:3 with {0} lc rgb '#e67e22' title {2}\n",
                   many ? "lines lw 2" : "linespoints pt 7 ps 0.6 lw 2", io::gnuplot_quote("lhs: " + t.lhs_name), io::gnuplot_quote("rhs: " + t.rhs_name),
                   named ? ":xtic(4)" : "");
  return f;
}

Figure audit_figure(const audit::AuditResult& a, const std::string& file) {
  const audit::PlotScript p = audit::plot_script(a, "set terminal svg size 900,520 dynamic noenhanced background rgb 'white'", true);
  return {file, p.data, p.script};
}

void draw_figures(const std::vector<Figure>& figures, const std::string& dir) {
  if (figures.empty()) return;
  // One gnuplot per core (at most 4) for a large page, each drawing every n-th figure.
  const std::size_t n = std::clamp<std::size_t>(std::min<std::size_t>(std::thread::hardware_concurrency(), figures.size() / 40), 1, 4);
  const std::filesystem::path work(io::make_work_dir("annealcheck-figures"));
  std::vector<std::string> scripts(n);
  std::vector<std::exception_ptr> errors(n);
  try {
    for (std::size_t i = 0; i < figures.size(); ++i) {
      const std::string data = (work / (std::to_string(i) + ".dat")).string();
      std::ofstream(data) << figures[i].data;  // scratch, read once by gnuplot (a short file fails its plot: checked below)
      scripts[i % n] += "reset\nDATAFILE = " + io::gnuplot_quote(data) + "\nOUTFILE = " +
                        io::gnuplot_quote((std::filesystem::path(dir) / figures[i].file).string()) + "\n" + figures[i].script + "unset output\n";
    }
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < n; ++k) {
      const std::string base = (work / ("figures-" + std::to_string(k))).string();
      std::ofstream(base + ".gp") << scripts[k];
      threads.emplace_back([&errors, k, base] {
        try {
          io::run_gnuplot({base + ".gp"}, base + ".log", "drawing the report's figures");
        } catch (...) {
          errors[k] = std::current_exception();
        }
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
  } catch (...) {
    std::filesystem::remove_all(work);
    throw;
  }
  std::filesystem::remove_all(work);
  for (const Figure& f : figures) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(std::filesystem::path(dir) / f.file, ec);
    if (ec || size == 0) throw std::runtime_error("gnuplot left the figure " + f.file + " missing or empty");
  }
}

}  // namespace annealcheck::report::html
