// main() for the fuzz targets in `make check`: runs LLVMFuzzerTestOneInput
// once on every input named on the command line, without libFuzzer.
//
//   test/fuzz/<target> PATH...
//
// A PATH that is a directory contributes its regular files (not recursive),
// a PATH that is a file contributes itself. Inputs run in sorted path order,
// so a run is deterministic. Exits 1 when a path is missing or a directory holds
// no input (a lost corpus must not pass as an empty one), 2 on bad usage. A
// broken invariant aborts the process; a signal handler first prints which
// input was running.
#include "fuzz.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

// What the signal handler prints: set before each input, read only there.
std::string g_current_message;

extern "C" void ReportCurrentInput(int)
{
    // write(2) is async-signal-safe; the string is not modified while an input runs.
    const ssize_t ignored = write(STDERR_FILENO, g_current_message.data(), g_current_message.size());
    (void)ignored;
}

void InstallCrashReporter()
{
    struct sigaction action;
    std::memset(&action, 0, sizeof(action));
    action.sa_handler = ReportCurrentInput;
    action.sa_flags = SA_RESETHAND; // after the message, the signal does what it would have done
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) sigaction(sig, &action, nullptr);
}

bool CollectInputs(const std::string& arg, std::vector<fs::path>& out)
{
    std::error_code ec;
    const fs::path path(arg);
    if (fs::is_directory(path, ec)) {
        size_t found = 0;
        for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
            if (entry.is_regular_file(ec)) {
                out.push_back(entry.path());
                ++found;
            }
        }
        if (ec) {
            std::cerr << "cannot read directory " << arg << ": " << ec.message() << "\n";
            return false;
        }
        if (found == 0) {
            std::cerr << "no inputs in " << arg << "\n";
            return false;
        }
        return true;
    }
    if (fs::is_regular_file(path, ec)) {
        out.push_back(path);
        return true;
    }
    std::cerr << "no such file or directory: " << arg << "\n";
    return false;
}

bool RunInput(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << path.string() << "\n";
        return false;
    }
    const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    // An exact-size heap copy, as libFuzzer passes it, so a sanitizer build
    // catches a read one byte past the end.
    const std::unique_ptr<uint8_t[]> copy(new uint8_t[bytes.size()]);
    std::copy(bytes.begin(), bytes.end(), copy.get());
    g_current_message = "while running input " + path.string() + "\n";
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    std::string name = fs::path(argv[0]).filename().string();
    // libtool runs uninstalled programs as .libs/lt-NAME.
    if (name.rfind("lt-", 0) == 0) name.erase(0, 3);
    if (argc < 2) {
        std::cerr << "usage: " << name << " CORPUS_DIR_OR_FILE...\n";
        return 2;
    }
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        if (!CollectInputs(argv[i], inputs)) return 1;
    }
    std::sort(inputs.begin(), inputs.end());
    InstallCrashReporter();
    size_t ran = 0;
    for (const fs::path& path : inputs) {
        if (!RunInput(path)) return 1;
        ++ran;
    }
    std::cout << name << ": " << ran << " input" << (ran == 1 ? "" : "s") << " ran\n";
    return 0;
}
