// run_command.h — run a program through the shell, capturing stdout and stderr separately.
#pragma once

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline CommandResult runCommand(const std::string& cmd) {
    static int counter = 0;
    const std::string base =
        "/tmp/drillbase-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const std::string full = cmd + " >" + base + ".out 2>" + base + ".err";
    const int status = std::system(full.c_str());
    CommandResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}
