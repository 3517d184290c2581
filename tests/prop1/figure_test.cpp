// Figure 1 (prop1/figure.hpp): the files are a valid PNG (signature, chunk
// CRCs, IHDR first, IEND last) and a well-formed SVG, and the plotted data hold
// both paths and the stopping ellipse: GF from β_0 to L̂ = ε, GD with η = 1/γ_1
// (iterates as in E5) then GF to L̂ = ε, and an ellipse of points with L̂ = ε.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/prop1/figure.hpp"
#include "annealcheck/prop1/report.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace annealcheck;
namespace fs = std::filesystem;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::uint32_t crc32(const unsigned char* p, std::size_t n) {  // PNG's CRC (ISO 3309), to check chunks
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) | (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) | std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

// Returns "" if valid, else what is wrong.
std::string check_png(const std::string& png, std::uint32_t& width, std::uint32_t& height) {
  static const std::string sig("\x89PNG\r\n\x1a\n", 8);
  if (png.compare(0, 8, sig) != 0) return "bad signature";
  std::size_t at = 8;
  bool first = true, idat = false;
  while (at + 12 <= png.size()) {
    const std::uint32_t len = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    if (at + 12 + len > png.size()) return "truncated chunk " + type;
    const auto* bytes = reinterpret_cast<const unsigned char*>(png.data() + at + 4);
    if (crc32(bytes, len + 4) != be32(png, at + 8 + len)) return "bad CRC in " + type;
    if (first) {
      if (type != "IHDR" || len != 13) return "first chunk is not IHDR";
      width = be32(png, at + 8);
      height = be32(png, at + 12);
      first = false;
    }
    idat = idat || type == "IDAT";
    at += 12 + len;
    if (type == "IEND") return at == png.size() ? (idat ? "" : "no IDAT") : "data after IEND";
  }
  return "no IEND";
}

const prop1::FigureBlock& block(const std::vector<prop1::FigureBlock>& bs, const std::string& name) {
  for (const auto& b : bs)
    if (b.name == name) return b;
  throw std::runtime_error("no block " + name);
}

double train_from_residual(const prop1::FigurePoint& p, double g1, double g2) { return g1 * p.r1 * p.r1 + g2 * p.r2 * p.r2; }

}  // namespace

TEST(Figure, FilesAreValidAndDataHoldBothPathsAndTheEllipse) {
  const fs::path dir = fs::temp_directory_path() / ("annealcheck_figure_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  prop1::Prop1Options o;
  o.alpha = "1e-4";
  o.eps = "1e-2";
  o.K = 5;
  o.figure_prefix = (dir / "fig1").string();
  const prop1::Prop1Report r = prop1::run_prop1(engine::parse_type_id("mpfr128"), o);
  ASSERT_TRUE(r.figure.has_value());

  std::uint32_t w = 0, h = 0;
  EXPECT_EQ(check_png(read(r.figure->png), w, h), "");
  EXPECT_GT(w, 1000u);
  EXPECT_GT(h, 400u);

  boost::property_tree::ptree svg;
  std::istringstream svg_text(read(r.figure->svg));
  ASSERT_NO_THROW(boost::property_tree::read_xml(svg_text, svg));  // well-formed XML
  ASSERT_EQ(svg.count("svg"), 1u);
  EXPECT_NE(read(r.figure->svg).find("<path"), std::string::npos);

  // no temporary files left behind
  for (const auto& entry : fs::directory_iterator(dir)) EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();

  // the plotted data
  const std::vector<prop1::FigureBlock> bs = prop1::parse_figure_data(read(r.figure->data));
  const double eps = 1e-2;
  // the spectrum of the sample the figure uses (the drawn one when non-degenerate)
  const auto& counts = r.table_sample ? r.table_sample->counts : r.drawn.counts;
  const double g1 = counts[0] / 3.0, g2 = counts[1] / 3.0;
  const double c = 100 / std::sqrt(1e-4);  // β* = c(1,1)
  const auto& gf = block(bs, "gf_path").points;
  ASSERT_GE(gf.size(), 100u);
  EXPECT_EQ(gf.front().beta1, 0.0);
  EXPECT_EQ(gf.front().beta2, 0.0);
  EXPECT_NEAR(gf.back().train / eps, 1.0, 1e-9);
  EXPECT_NEAR(train_from_residual(gf.back(), g1, g2) / eps, 1.0, 1e-9);
  for (std::size_t i = 1; i < gf.size(); ++i) EXPECT_LT(gf[i].train, gf[i - 1].train);  // GF decreases L̂

  const auto& gd = block(bs, "annealed_gd").points;
  ASSERT_EQ(gd.size(), static_cast<std::size_t>(o.K) + 1);
  EXPECT_EQ(gd.front().beta1, 0.0);
  // (E5) with η = 1/γ_1: the top coordinate flips sign each step, the other
  // decays by 1 − γ_2/γ_1 per step (here 0 after one step)
  const bool first_is_top = g1 > g2;
  for (std::size_t t = 1; t < gd.size(); ++t) {
    const double top = first_is_top ? gd[t].r1 : gd[t].r2, other = first_is_top ? gd[t].r2 : gd[t].r1;
    EXPECT_NEAR(top, (t % 2 ? c : -c), 1e-9 * c) << "step " << t;
    EXPECT_NEAR(other, 0.0, 1e-9 * c) << "step " << t;
  }
  const auto& after = block(bs, "annealed_flow").points;
  EXPECT_NEAR(after.front().r1, gd.back().r1, 1e-9 * c);
  EXPECT_NEAR(after.back().train / eps, 1.0, 1e-9);
  EXPECT_NEAR(after.back().test / eps, 0.75, 1e-9);  // the good point
  EXPECT_NEAR(gf.back().test / eps, 1.5, 1e-3);      // the bad point (1.5ε up to O(εα/10⁴))

  const auto& ellipse = block(bs, "stopping_ellipse").points;
  ASSERT_GE(ellipse.size(), 100u);
  for (const auto& p : ellipse) {
    EXPECT_NEAR(p.train / eps, 1.0, 1e-9);
    EXPECT_NEAR(train_from_residual(p, g1, g2) / eps, 1.0, 1e-9);
  }
  EXPECT_GE(bs.size(), 10u);
  fs::remove_all(dir);
}

TEST(Figure, UnwritableDirectoryIsAnInputErrorAndLeavesNothing) {
  prop1::Prop1Options o;
  o.alpha = "1e-4";
  o.eps = "1e-2";
  o.figure_prefix = "/nonexistent-dir-annealcheck/fig1";
  EXPECT_THROW(prop1::run_prop1(engine::parse_type_id("double"), o), InputError);
  EXPECT_FALSE(fs::exists("/nonexistent-dir-annealcheck"));
}

TEST(Figure, DataTextRoundTrips) {
  prop1::FigureData f;
  f.eps = 0.5;
  f.blocks.push_back({"gf_path", "GF", {{1, 2, 3, 4, 5, 6}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}}});
  f.blocks.push_back({"markers", "a b", {{7, 8, 9, 10, 11, 12}}});
  const auto back = prop1::parse_figure_data(prop1::figure_data_text(f));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].name, "gf_path");
  EXPECT_EQ(back[1].label, "a b");
  ASSERT_EQ(back[0].points.size(), 2u);
  EXPECT_EQ(back[0].points[1].r2, 0.4);
  EXPECT_EQ(back[1].points[0].test, 12.0);
}
