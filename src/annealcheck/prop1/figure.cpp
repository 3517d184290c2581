#include "annealcheck/prop1/figure.hpp"

#include "annealcheck/io/atomic_file.hpp"
#include "annealcheck/io/gnuplot.hpp"
#include "annealcheck/io/input_error.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace annealcheck::prop1 {

namespace {

// Literal text in gnuplot's enhanced mode: \_ \^ \{ \} \@ \& \~ inside single quotes.
std::string enhanced_literal(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '^' || c == '{' || c == '}' || c == '@' || c == '&' || c == '~') out += '\\';
    out += c;
  }
  return out;
}

std::string fmt_double(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

// first and last index of the blocks called `name` (-1 when absent)
std::pair<int, int> index_range(const FigureData& f, const std::string& name) {
  int lo = -1, hi = -1;
  for (std::size_t i = 0; i < f.blocks.size(); ++i) {
    if (f.blocks[i].name != name) continue;
    if (lo < 0) lo = static_cast<int>(i);
    hi = static_cast<int>(i);
  }
  return {lo, hi};
}

int index_of(const FigureData& f, const std::string& name) {
  const int i = index_range(f, name).first;
  if (i < 0) throw std::runtime_error("figure data has no block '" + name + "'");
  return i;
}

std::string script_text(const FigureData& f, const std::string& data_path, const std::string& png, const std::string& svg) {
  const int gf = index_of(f, "gf_path"), gd = index_of(f, "annealed_gd"), after = index_of(f, "annealed_flow");
  const int ell = index_of(f, "stopping_ellipse"), markers = index_of(f, "markers");
  const auto [tc0, tc1] = index_range(f, "train_contour");
  const auto [zc0, zc1] = index_range(f, "zoom_train_contour");
  const auto [ts0, ts1] = index_range(f, "test_contour");
  if (tc0 < 0 || zc0 < 0 || ts0 < 0) throw std::runtime_error("figure data lacks contour blocks");
  std::ostringstream s;
  s << "# Figure 1 of Nakkiran 2020, redrawn by `annealcheck prop1 --figure` (regenerate: gnuplot this file).\n"
    << "# Data: " << data_path << " (blocks: see its header).\n"
    << "if (!exists(\"out_png\")) out_png = " << io::gnuplot_quote(png) << "\n"
    << "if (!exists(\"out_svg\")) out_svg = " << io::gnuplot_quote(svg) << "\n"
    << "data = " << io::gnuplot_quote(data_path) << "\n"
    << "W = " << fmt_double(f.zoom_half_width) << "\n"
    << "set encoding utf8\n"
    << "do for [k = 1:2] {\n"
    << "  reset\n"
    << "  if (k == 1) {\n"
    << "    if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) { set terminal pngcairo size 1950,680 font 'DejaVu Sans,10' } "
       "else { set terminal png size 1950,680 }\n"
    << "    set output out_png\n"
    << "  } else {\n"
    << "    set terminal svg size 1950,680 font 'DejaVu Sans,10'\n"
    << "    set output out_svg\n"
    << "  }\n"
    << "  set multiplot layout 1,3 title " << io::gnuplot_quote(enhanced_literal(f.title)) << "\n"
    << "  set size ratio -1\n"
    << "  set key top left box opaque font ',9'\n"
    << "  set format '%.3g'\n"
    // (a)
    << "  set title '(a) train loss L̂(β) contours; GF vs GD (η = 1/γ₁) then GF'\n"
    << "  set xlabel 'β₁'\n  set ylabel 'β₂'\n"
    << "  plot for [i=" << tc0 << ":" << tc1 << "] data index i using 1:2 with lines lc rgb '#bbbbbb' notitle, \\\n"
    << "       data index " << gf << " using 1:2 with lines lw 2 lc rgb '#1f77b4' title 'GF', \\\n"
    << "       data index " << gd << " using 1:2 with linespoints pt 7 ps 0.7 lw 1 lc rgb '#d62728' title 'GD, η = 1/γ₁', \\\n"
    << "       data index " << after << " using 1:2 with lines lw 2 lc rgb '#ff7f0e' title 'GF after GD', \\\n"
    << "       data index " << markers << " every ::0::1 using 1:2 with points pt 5 ps 1.2 lc rgb 'black' title 'β₀ and β*'\n"
    // (b)
    << "  set title '(b) near β*: train loss contours and the stopping ellipse L̂ = ε'\n"
    << "  set xlabel 'β₁ − β*₁'\n  set ylabel 'β₂ − β*₂'\n"
    << "  set xrange [-W:W]\n  set yrange [-W:W]\n"
    << "  plot for [i=" << zc0 << ":" << zc1 << "] data index i using 3:4 with lines lc rgb '#bbbbbb' notitle, \\\n"
    << "       data index " << ell << " using 3:4 with lines lw 2 lc rgb 'black' title 'L̂ = ε', \\\n"
    << "       data index " << gf << " using 3:4 with lines lw 2 lc rgb '#1f77b4' title 'GF', \\\n"
    << "       data index " << after << " using 3:4 with lines lw 2 lc rgb '#ff7f0e' title 'GF after GD', \\\n"
    << "       data index " << markers << " every ::2::2 using 3:4 with points pt 7 ps 1.4 lc rgb '#1f77b4' title 'GF end', \\\n"
    << "       data index " << markers << " every ::3::3 using 3:4 with points pt 7 ps 1.4 lc rgb '#ff7f0e' title 'annealed end'\n"
    // (c)
    << "  set title '(c) near β*: test loss L_D contours'\n"
    << "  plot for [i=" << ts0 << ":" << ts1 << "] data index i using 3:4 with lines lc rgb '#2ca02c' notitle, \\\n"
    << "       data index " << ell << " using 3:4 with lines lw 1 dt 2 lc rgb 'black' title 'L̂ = ε', \\\n"
    << "       data index " << markers << " every ::2::2 using 3:4 with points pt 7 ps 1.4 lc rgb '#1f77b4' title "
    << io::gnuplot_quote(enhanced_literal("GF end: " + f.blocks[static_cast<std::size_t>(ts0 + 2)].label)) << ", \\\n"
    << "       data index " << markers << " every ::3::3 using 3:4 with points pt 7 ps 1.4 lc rgb '#ff7f0e' title "
    << io::gnuplot_quote(enhanced_literal("annealed end: " + f.blocks[static_cast<std::size_t>(ts0 + 1)].label)) << "\n"
    << "  unset multiplot\n"
    << "  set output\n"
    << "}\n";
  return s.str();
}

bool non_empty_file(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 && st.st_size > 0;
}

}  // namespace

std::string figure_data_text(const FigureData& f) {
  std::ostringstream s;
  s << "# annealcheck prop1 Figure 1 data\n"
    << "# eps " << fmt_double(f.eps) << "\n"
    << "# columns: beta1 beta2 r1 r2 train_loss test_loss   (r = beta - beta*)\n";
  for (std::size_t i = 0; i < f.blocks.size(); ++i) {
    const FigureBlock& b = f.blocks[i];
    s << "# block " << i << ": " << b.name << " " << b.label << "\n";
    for (const FigurePoint& p : b.points)
      s << fmt_double(p.beta1) << " " << fmt_double(p.beta2) << " " << fmt_double(p.r1) << " " << fmt_double(p.r2) << " "
        << fmt_double(p.train) << " " << fmt_double(p.test) << "\n";
    if (i + 1 < f.blocks.size()) s << "\n\n";
  }
  return s.str();
}

std::vector<FigureBlock> parse_figure_data(const std::string& text) {
  std::vector<FigureBlock> blocks;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# block ", 0) == 0) {
      const auto colon = line.find(": ");
      if (colon == std::string::npos) throw std::runtime_error("bad block header: " + line);
      const std::string rest = line.substr(colon + 2);
      const auto space = rest.find(' ');
      FigureBlock b;
      b.name = rest.substr(0, space);
      b.label = space == std::string::npos ? "" : rest.substr(space + 1);
      blocks.push_back(std::move(b));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (blocks.empty()) throw std::runtime_error("data before the first block header");
    std::istringstream row(line);
    FigurePoint p;
    if (!(row >> p.beta1 >> p.beta2 >> p.r1 >> p.r2 >> p.train >> p.test)) throw std::runtime_error("bad data row: " + line);
    blocks.back().points.push_back(p);
  }
  return blocks;
}

FigureFiles write_figure(const FigureData& f, const std::string& prefix) {
  namespace fs = std::filesystem;
  if (prefix.empty()) throw InputError("--figure", "\"\"", "a path prefix such as out/figure1");
  FigureFiles files{prefix + ".png", prefix + ".svg", prefix + ".dat", prefix + ".gp"};
  const std::string data_abs = fs::absolute(files.data).string();
  io::write_file_atomically(files.data, figure_data_text(f), "--figure");
  io::write_file_atomically(files.script, script_text(f, data_abs, fs::absolute(files.png).string(), fs::absolute(files.svg).string()),
                            "--figure");
  const std::string tmp_png = io::temporary_sibling(files.png), tmp_svg = io::temporary_sibling(files.svg);
  const std::string log = io::temporary_sibling(prefix + ".gnuplot.log");
  try {
    io::run_gnuplot({"-e", "out_png=" + io::gnuplot_quote(tmp_png) + "; out_svg=" + io::gnuplot_quote(tmp_svg), files.script}, log,
                    "on " + files.script);
    if (!non_empty_file(tmp_png) || !non_empty_file(tmp_svg)) throw std::runtime_error("gnuplot wrote no image");
    io::commit_file(tmp_png, files.png);
    io::commit_file(tmp_svg, files.svg);
  } catch (...) {
    std::remove(tmp_png.c_str());
    std::remove(tmp_svg.c_str());
    throw;
  }
  return files;
}

}  // namespace annealcheck::prop1
