// Shared by the fuzz targets: the libFuzzer entry point they define and the
// check that stops on a broken invariant.
//
// Each target is one .cpp defining LLVMFuzzerTestOneInput. It is linked either
// with libFuzzer (configure --enable-fuzz, clang) or with corpus_runner.cpp,
// which calls it once per file of the seed corpus in `make check`.
#ifndef UTXO_TEST_FUZZ_FUZZ_H
#define UTXO_TEST_FUZZ_FUZZ_H

#include <util/byte_span.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* what)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    std::fflush(stderr);
    std::abort();
}

// The fuzzer's input as a span (data may be null when size is 0).
inline util::ByteSpan Input(const uint8_t* data, size_t size)
{
    return size == 0 ? util::ByteSpan{} : util::ByteSpan{data, size};
}

} // namespace fuzz

// Stops the process when `cond` is false, in every build (unlike assert, it
// does not depend on NDEBUG): libFuzzer records the input as a crash and the
// corpus runner fails, naming the input.
#define FUZZ_CHECK(cond)                                                  \
    do {                                                                  \
        if (!(cond)) ::fuzz::Fail(__FILE__, __LINE__, #cond);             \
    } while (0)

#endif // UTXO_TEST_FUZZ_FUZZ_H
