// replay_main.cpp — runs a libFuzzer harness over files without libFuzzer: every ordinary
// build (g++, and the sanitizer build) replays the seed corpus and every input a fuzzer ever
// crashed on (tests/fuzz/regressions/<harness>/) through the same harness code, in CTest.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    int files = 0;
    for (int a = 1; a < argc; ++a) {
        std::error_code ec;
        std::vector<std::filesystem::path> inputs;
        if (std::filesystem::is_directory(argv[a], ec)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(argv[a], ec))
                if (e.is_regular_file()) inputs.push_back(e.path());
        } else if (std::filesystem::is_regular_file(argv[a], ec)) {
            inputs.push_back(argv[a]);
        }
        for (const auto& f : inputs) {
            std::ifstream in(f, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), {});
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++files;
        }
    }
    std::printf("%d passed, 0 failed\n", files);
    return files > 0 ? 0 : 1;
}
