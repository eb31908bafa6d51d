// row_team.h — a fixed team of threads that runs one job over chunks of rows, with the calling
// thread as member 0. The solver gives each member a contiguous block of rows and waits for all
// at the end of each pass, so a pass reads only what earlier passes wrote. Results never depend
// on the number of threads: every row is computed by the same code from the same inputs, and
// the sums the solver needs are kept per row and added in row order afterwards.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace drillbase::sim {

class RowTeam {
public:
    // threads >= 1; 1 runs everything on the caller.
    explicit RowTeam(int threads);
    ~RowTeam();
    RowTeam(const RowTeam&) = delete;
    RowTeam& operator=(const RowTeam&) = delete;

    int size() const { return threads_; }
    // Runs job(member) on every member and returns when all have finished.
    void run(const std::function<void(int member)>& job);

private:
    void loop(int member);

    int threads_;
    std::vector<std::thread> workers_;
    std::mutex mu_;
    std::condition_variable start_, done_;
    const std::function<void(int)>* job_ = nullptr;
    std::uint64_t generation_ = 0;
    int pending_ = 0;
    bool stop_ = false;
};

}  // namespace drillbase::sim
