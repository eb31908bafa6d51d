// row_team.cpp — the solver's thread team (see the header). A mutex and two condition variables:
// a pass is a few hundred microseconds of work or more, so waking sleeping threads costs little
// next to it and no core spins while the GUI or another drill needs it.
#include "sim/hydraulics/row_team.h"

namespace drillbase::sim {

RowTeam::RowTeam(int threads) : threads_(threads < 1 ? 1 : threads) {
    for (int m = 1; m < threads_; ++m) workers_.emplace_back([this, m] { loop(m); });
}

RowTeam::~RowTeam() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
    }
    start_.notify_all();
    for (std::thread& t : workers_) t.join();
}

void RowTeam::run(const std::function<void(int)>& job) {
    if (threads_ == 1) {
        job(0);
        return;
    }
    {
        std::lock_guard lock(mu_);
        job_ = &job;
        pending_ = threads_ - 1;
        ++generation_;
    }
    start_.notify_all();
    job(0);
    std::unique_lock lock(mu_);
    done_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
}

void RowTeam::loop(int member) {
    std::uint64_t seen = 0;
    for (;;) {
        const std::function<void(int)>* job = nullptr;
        {
            std::unique_lock lock(mu_);
            start_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            job = job_;
        }
        (*job)(member);
        {
            std::lock_guard lock(mu_);
            if (--pending_ == 0) done_.notify_one();
        }
    }
}

}  // namespace drillbase::sim
