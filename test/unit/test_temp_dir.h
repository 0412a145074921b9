// A fresh directory under the system temp directory for one test, removed
// (with everything in it) when the object goes away.
#ifndef UTXO_TEST_UNIT_TEST_TEMP_DIR_H
#define UTXO_TEST_UNIT_TEST_TEMP_DIR_H

#include <filesystem>
#include <string>
#include <unistd.h>

namespace test {

struct TempDir {
    std::filesystem::path path;

    // Unique per process and per object, so tests may run side by side.
    TempDir()
    {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("utxod-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

} // namespace test

#endif // UTXO_TEST_UNIT_TEST_TEMP_DIR_H
