// The campaign report page (reports/html/, issue 15) and verify's
// progress line (cli/progress.hpp): escaping, the counterexample's trajectory,
// the directory written atomically, and the size and time of a 50 × 3 report.
// The page in a real browser: browser_test.py (label `browser`).
#include "annealcheck/io/input_error.hpp"
#include "cli/progress.hpp"
#include "properties/registry.hpp"
#include "reports/html/html_page.hpp"
#include "reports/html/html_text.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {
namespace fs = std::filesystem;
namespace ap = annealcheck::properties;
namespace h = annealcheck::report::html;

fs::path scratch_root() { return fs::temp_directory_path() / ("annealcheck-html-test-" + std::to_string(getpid())); }

// This process's scratch directory goes when the program exits (no litter in /tmp).
const struct ScratchCleanup {
  ~ScratchCleanup() {
    std::error_code ec;
    fs::remove_all(scratch_root(), ec);
  }
} scratch_cleanup;

fs::path scratch(const std::string& name) {
  const fs::path p = scratch_root() / name;
  fs::remove_all(p);
  fs::create_directories(p.parent_path());
  return p;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A real refutation at double (a counterexample of a known-false claim, shrunk).
ap::RunResult refutation(const std::string& id) {
  ap::RunOptions o;
  o.read_environment = false;
  o.type = "double";
  const ap::RunResult r = ap::run_property(id, o);
  EXPECT_TRUE(r.counterexample) << id;
  return r;
}

TEST(HtmlText, EscapesMarkupAndQuotes) {
  EXPECT_EQ(h::escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(h::escape("delta_i(0)^2 <= c^t, γ₁"), "delta_i(0)^2 &lt;= c^t, γ₁");  // UTF-8 unchanged
  EXPECT_EQ(h::escape("a\x01" "b\x1b" "[0m\tc\n"), "a b [0m\tc\n");                     // control characters: invalid in XML 1.0
}

TEST(HtmlPage, EveryTextIsEscaped) {
  h::Campaign c;
  c.header.title = "t</title><script>x()</script>";
  c.header.machine = "<b>host</b>";
  c.runs.push_back({"evil.<img src=x onerror=alert(1)>", "double", "\"quoted\"", "ERROR", false, "worker said <script>", "", std::nullopt});
  const h::RenderedReport r = h::render_report(c);
  EXPECT_EQ(r.index_html.find("<script"), std::string::npos);
  EXPECT_EQ(r.index_html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(r.index_html.find("<b>host"), std::string::npos);
  EXPECT_NE(r.index_html.find("evil.&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(r.index_html.find("worker said &lt;script&gt;"), std::string::npos);
  EXPECT_TRUE(r.figures.empty());  // no run result: no figure
}

TEST(HtmlPage, MinimalBitsEstimateFollowsTheBound) {
  ap::Verdict v;
  v.bits = 53;
  v.relative_bound = std::ldexp(1.0, -40);  // bound 2^-40 relative, margin 2^-20: 20 bits to spare
  v.relative_margin = -std::ldexp(1.0, -20);
  EXPECT_EQ(h::estimated_minimal_bits(v), 33);
  v.relative_bound = 0;  // exact type: unknown
  EXPECT_EQ(h::estimated_minimal_bits(v), 0);
}

// The trajectory's last point is the stop the run decided: the same sides (double;
// the two computations sum d <= 64 squares in different orders: a few hundred ulps at most;
// F4's coordinates are computed exactly as the check does).
TEST(HtmlTrajectory, EndsAtTheDecidedSides) {
  for (const char* id : {"falsify.f1-g-without-c2", "falsify.f3-a-literal-exp", "falsify.f4-case30-equal-parameters"}) {
    const ap::RunResult r = refutation(id);
    ASSERT_TRUE(r.counterexample);
    const auto t = h::side_trajectory(r);
    ASSERT_TRUE(t) << id << " " << r.counterexample->verdict.label;
    ASSERT_GE(t->points.size(), 2u);
    EXPECT_EQ(t->break_at, t->points.size() - 1);
    const auto& last = t->points.back();
    const double lhs = std::strtod(r.counterexample->verdict.lhs.c_str(), nullptr), rhs = std::strtod(r.counterexample->verdict.rhs.c_str(), nullptr);
    EXPECT_NEAR(last.lhs, lhs, 1e-13 * std::fabs(lhs)) << id;
    EXPECT_NEAR(last.rhs, rhs, 1e-13 * std::fabs(rhs)) << id;
    EXPECT_FALSE(last.descent);  // the stop is a GF point
  }
  ap::RunResult other = refutation("falsify.f1-g-without-c2");
  other.counterexample->verdict.label = "E5";  // a check with no trajectory
  EXPECT_FALSE(h::side_trajectory(other));
  other = refutation("falsify.f1-g-without-c2");
  other.type_id = "mpq";  // the trajectory is drawn in the run's own type: double and mpfr256 only
  EXPECT_FALSE(h::side_trajectory(other));
}

TEST(HtmlReportDir, ReplacesAnEarlierReportAndRefusesOtherDirectories) {
  h::Campaign c;
  c.runs.push_back(h::campaign_run(refutation("falsify.f1-g-without-c2"), ""));
  EXPECT_EQ(c.runs.back().verdict, "refuted as expected (certified)");  // properties::verdict_word, as the campaign table
  const fs::path dir = scratch("report");
  h::write_html_report(dir.string(), c);
  EXPECT_TRUE(fs::is_regular_file(dir / "index.html"));
  EXPECT_GT(fs::file_size(dir / "margins-0.svg"), 0u);
  EXPECT_GT(fs::file_size(dir / "trajectory-0.svg"), 0u);
  EXPECT_GT(fs::file_size(dir / "counterexample-0.json"), 0u);
  c.header.title = "second";
  std::ofstream(dir / "stale.txt") << "from the first report";
  h::write_html_report(dir.string(), c);
  EXPECT_NE(read(dir / "index.html").find("<title>second</title>"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "stale.txt"));  // replaced as a whole
  for (const auto& e : fs::directory_iterator(dir.parent_path()))  // no temporary left beside it
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();

  const fs::path other = scratch("not-a-report");
  fs::create_directories(other);
  std::ofstream(other / "data.csv") << "1,2\n";
  EXPECT_THROW(h::write_html_report(other.string(), c), annealcheck::InputError);
  EXPECT_TRUE(fs::exists(other / "data.csv"));
  const fs::path file = scratch("a-file");
  std::ofstream(file) << "x";
  EXPECT_THROW(h::write_html_report(file.string(), c), annealcheck::InputError);
  EXPECT_THROW(h::write_html_report((scratch("missing") / "sub").string(), c), annealcheck::InputError);
}

// Issue 15: a report of 50 properties × 3 types renders in under a second and is under
// 5 MB. Rendering includes gnuplot drawing all 150 margin figures and the trajectories
// of 10 of its 15 counterexamples (real refutations), and the atomic directory write.
TEST(HtmlReportSize, FiftyPropertiesThreeTypesUnderASecondAndFiveMegabytes) {
  const std::vector<ap::RunResult> cx{refutation("falsify.f1-g-without-c2"), refutation("falsify.f3-a-literal-exp"),
                                      refutation("falsify.f4-case30-equal-parameters")};
  h::Campaign c;
  c.header.types = {"double", "mpfr256", "mpq"};
  for (int p = 0; p < 50; ++p)
    for (const char* type : {"double", "mpfr256", "mpq"}) {
      ap::RunResult r;
      if (p % 10 == 0) r = cx[static_cast<std::size_t>(p / 10) % cx.size()];
      r.property_id = p % 10 == 0 ? r.property_id : "synthetic.property-" + std::to_string(p);
      r.type_id = type;
      r.cases_run = 200;
      for (int k = 0; k < 200; ++k) r.margins.add(true, std::pow(10.0, -(k * 7 + p) % 70) * (k % 17 ? 1 : -1));
      h::CampaignRun run{r.property_id, type, "a statement", "holds", true, "", "", r};
      c.runs.push_back(run);
    }
  const fs::path dir = scratch("fifty");
  double best = 1e9;
  for (int rep = 0; rep < 3; ++rep) {  // best of three: the machine is shared
    const auto t0 = std::chrono::steady_clock::now();
    h::write_html_report(dir.string(), c);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  const auto r0 = std::chrono::steady_clock::now();
  const std::size_t figures = h::render_report(c).figures.size();
  std::cout << "render_report alone (page text and trajectories, no gnuplot, no files): "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count() << " s, " << figures << " figures\n";
  std::uintmax_t bytes = 0, files = 0;
  for (const auto& e : fs::directory_iterator(dir)) bytes += fs::file_size(e.path()), ++files;
  std::cout << "50 x 3 report: " << files << " files, " << bytes << " bytes, rendered in " << best << " s (best of 3, gnuplot included)\n";
  // index, 150 margin figures, 15 counterexample reports, their trajectories at double and mpfr256 (10; none at mpq),
  // the instance files of the 12 Lemma 2 counterexamples (F1 and F3 at 2 properties x 3 types; F4's case is not an eval instance)
  EXPECT_EQ(files, 1u + 150u + 15u + 10u + 12u);
  EXPECT_LT(bytes, 5u * 1000 * 1000);
  EXPECT_LT(best, 1.0);  // release and ASan alike: gnuplot (not instrumented) is most of it (ASan: 0.21 s measured)
}

TEST(Progress, LineShowsDoneTotalElapsedAndEstimate) {
  EXPECT_EQ(annealcheck::cli::format_duration(0), "0:00");
  EXPECT_EQ(annealcheck::cli::format_duration(61.4), "1:01");
  EXPECT_EQ(annealcheck::cli::format_duration(3723), "1:02:03");
  const std::string l = annealcheck::cli::progress_line(10, 40, 30.0, "f1@double: refuted as expected", 20);
  EXPECT_EQ(l, "[#####...............] 10/40  elapsed 0:30  left ~1:30  f1@double: refuted as expected");
  EXPECT_NE(annealcheck::cli::progress_line(0, 40, 0, "").find("left ?"), std::string::npos);
  std::ostringstream quiet;
  {
    annealcheck::cli::Progress p(quiet, 3, false);  // not a terminal: nothing at all
    p.advance("a");
  }
  EXPECT_TRUE(quiet.str().empty());
  std::ostringstream tty;
  {
    annealcheck::cli::Progress p(tty, 3, true);
    p.advance("a");
  }
  EXPECT_NE(tty.str().find("1/3"), std::string::npos);
  EXPECT_EQ(tty.str().substr(tty.str().size() - 4), "\r\033[K");  // the line is cleared at the end
}

}  // namespace
