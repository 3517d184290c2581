// Boost.MPI implementation of campaign/mpi_runner.hpp (built when ANNEALCHECK_MPI is ON).
//
// Messages (all std::string, JSON text):
//   rank r -> 0  kResult  "" (ready, first message) or {"task","index","status","out","err"}
//   0 -> rank r  kWork    {"task","index","args"}      kStop  ""  (the rank returns)
#include "campaign/mpi_runner.hpp"

#include "annealcheck/io/atomic_file.hpp"

#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace annealcheck::cli {
namespace {

constexpr int kResult = 1, kWork = 2, kStop = 3;

}  // namespace

struct MpiSession::State {
  enum class Rank { Unheard, Busy, Stopped };
  boost::mpi::environment env{false};  // no MPI_Abort on an exception: rank 0 stops the others and exits 2 or 3
  boost::mpi::communicator world;
  std::vector<Rank> ranks;
};

MpiSession::MpiSession() : s_(std::make_unique<State>()) { s_->ranks.assign(static_cast<std::size_t>(s_->world.size()), State::Rank::Unheard); }

MpiSession::~MpiSession() {
  if (!root()) return;
  for (int r = 1; r < size(); ++r) {  // a rank still waiting (or working) is heard once more, then stopped
    auto& st = s_->ranks[static_cast<std::size_t>(r)];
    if (st == State::Rank::Stopped) continue;
    std::string ignored;
    s_->world.recv(r, kResult, ignored);
    s_->world.send(r, kStop, std::string());
    st = State::Rank::Stopped;
  }
}

bool MpiSession::root() const { return s_->world.rank() == 0; }
int MpiSession::size() const { return s_->world.size(); }

void MpiSession::abort(int status) { s_->env.abort(status); std::abort(); }

void MpiSession::serve() {
  const std::string scratch = io::make_work_dir("annealcheck-reports");
  WorkerPool pool;
  s_->world.send(0, kResult, std::string());
  while (true) {
    const boost::mpi::status st = s_->world.probe(0, boost::mpi::any_tag);
    std::string msg;
    s_->world.recv(0, st.tag(), msg);
    if (st.tag() == kStop) break;
    const nlohmann::json work = nlohmann::json::parse(msg);
    pool.start(0, work.at("args").get<std::vector<std::string>>());
    const auto ended = pool.wait(true);
    const WorkerOutput& w = ended->second;
    s_->world.send(0, kResult, nlohmann::json{{"task", work["task"]}, {"index", work["index"]}, {"status", w.status}, {"out", w.out},
                                              {"err", w.err.substr(0, 2000)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
}

void MpiSession::dispatch(const properties::campaign::Campaign& c, const std::vector<properties::campaign::ChunkRef>& chunks, const ChunkDone& done) {
  const std::string scratch = io::make_work_dir("annealcheck-reports");
  WorkerPool pool;  // rank 0's own worker, one chunk at a time
  std::size_t next = 0, finished = 0;
  const auto work_for = [&](std::size_t i) {
    return nlohmann::json{{"task", chunks[i].task}, {"index", chunks[i].index}, {"args", chunk_args(c, chunks[i], scratch)}}.dump();
  };
  while (finished < chunks.size()) {
    bool progress = false;
    if (pool.running() == 0 && next < chunks.size()) pool.start(next, chunk_args(c, chunks[next], scratch)), ++next, progress = true;
    while (const auto st = s_->world.iprobe(boost::mpi::any_source, kResult)) {
      std::string msg;
      s_->world.recv(st->source(), kResult, msg);
      if (!msg.empty()) {
        const nlohmann::json r = nlohmann::json::parse(msg);
        const properties::campaign::ChunkRef ref{r.at("task").get<std::size_t>(), r.at("index").get<int>()};
        done(interpret_chunk(ref, WorkerOutput{r.at("status").get<int>(), r.at("out").get<std::string>(), r.at("err").get<std::string>()}));
        ++finished;
      }
      auto& state = s_->ranks[static_cast<std::size_t>(st->source())];
      if (next < chunks.size()) s_->world.send(st->source(), kWork, work_for(next++)), state = State::Rank::Busy;
      else s_->world.send(st->source(), kStop, std::string()), state = State::Rank::Stopped;
      progress = true;
    }
    if (const auto ended = pool.wait(false)) done(interpret_chunk(chunks[ended->first], ended->second)), ++finished, progress = true;
    if (!progress) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
}

}  // namespace annealcheck::cli
