#include <net/payload_reader.h>

#include <limits>
#include <string>

namespace net {

size_t ReadListCount(util::SpanReader& reader, size_t max, size_t min_size, std::string_view what)
{
    const uint64_t count = reader.ReadCompactSize(std::numeric_limits<uint64_t>::max());
    if (reader.failed()) return 0;
    if (count > max) {
        reader.Fail(std::to_string(count) + " " + std::string(what) + " (limit " + std::to_string(max) + ")");
        return 0;
    }
    if (count > reader.remaining() / min_size) {
        reader.Fail("unexpected end of data: " + std::to_string(count) + " " + std::string(what) + " announced, " +
                    std::to_string(reader.remaining()) + " bytes left");
        return 0;
    }
    return static_cast<size_t>(count);
}

} // namespace net
