// peak_memory.h — the resident-set high-water mark of this process, as `fire spread --json` and
// the benchmarks report it. Linux keeps it as VmHWM in /proc/self/status (proc(5)), in kB; it is
// the figure `/usr/bin/time -v` prints as "Maximum resident set size", so it compares directly
// with what was measured of other programs on these machines. Reported in MiB ("MB").
#pragma once

#include <cstdlib>
#include <fstream>
#include <string>

namespace drillbase::tools {

// VmHWM in MiB; 0 where /proc is not mounted (the caller prints it anyway).
inline double peakMemoryMB() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

}  // namespace drillbase::tools
