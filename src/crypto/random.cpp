#include <crypto/random.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <sys/random.h>

namespace crypto {

void GetStrongRandomBytes(std::span<uint8_t> out)
{
    size_t done = 0;
    while (done < out.size()) {
        // Reads of more than 256 bytes may be cut short, and a signal can
        // interrupt a read before the pool is ready: keep asking.
        const ssize_t got = getrandom(out.data() + done, out.size() - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            std::fprintf(stderr, "getrandom failed: %s\n", std::strerror(errno));
            std::abort();
        }
        done += static_cast<size_t>(got);
    }
}

uint64_t GetStrongRandomU64()
{
    uint8_t bytes[8];
    GetStrongRandomBytes(bytes);
    uint64_t value = 0;
    for (uint8_t b : bytes) value = (value << 8) | b;
    return value;
}

} // namespace crypto
