// gen-chain: writes a regtest blk file of generated, fully signed blocks
// (contrib/gen-chain/README.md). Progress and a summary go to stderr.
#include "chain_generator.h"

#include <consensus/chain_params.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view USAGE =
    "Usage: gen-chain --out=FILE [--blocks=N] [--txs-per-block=K] [--seed=S] [--start-time=T]\n"
    "Writes N valid regtest blocks on top of the regtest genesis block to FILE, as\n"
    "blk-file records (magic fabfb5da, 4-byte little-endian length, block).\n"
    "  --blocks=N         blocks after genesis (default 200)\n"
    "  --txs-per-block=K  transactions per block once coinbases mature (default 50)\n"
    "  --seed=S           keys and choices derive from S (default \"utxod\")\n"
    "  --start-time=T     time of block 1 (default: regtest genesis time + 1);\n"
    "                     each later block is 600 seconds after the one before\n";

template <typename T>
bool ParseNumber(std::string_view text, T& out)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc{} && end == text.data() + text.size();
}

} // namespace

int main(int argc, char* argv[])
{
    gen_chain::Options options;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const size_t eq = arg.find('=');
        const std::string_view name = arg.substr(0, eq);
        const std::string_view value = eq == std::string_view::npos ? std::string_view{} : arg.substr(eq + 1);
        bool ok = eq != std::string_view::npos;
        if (name == "--help" || name == "-h") {
            std::fputs(USAGE.data(), stdout);
            return 0;
        } else if (name == "--blocks") {
            ok = ok && ParseNumber(value, options.blocks);
        } else if (name == "--txs-per-block") {
            ok = ok && ParseNumber(value, options.txs_per_block);
        } else if (name == "--seed") {
            options.seed = std::string(value);
        } else if (name == "--start-time") {
            ok = ok && ParseNumber(value, options.start_time);
        } else if (name == "--out") {
            out = std::string(value);
            ok = ok && !out.empty();
        } else {
            ok = false;
        }
        if (!ok) {
            std::fprintf(stderr, "gen-chain: bad argument '%s'\n%s", argv[i], USAGE.data());
            return 1;
        }
    }
    if (out.empty()) {
        std::fprintf(stderr, "gen-chain: --out=FILE is required\n%s", USAGE.data());
        return 1;
    }
    const auto params = consensus::CreateChainParams(consensus::ChainType::REGTEST);
    if (!params) {
        std::fprintf(stderr, "gen-chain: %s\n", params.error().c_str());
        return 1;
    }

    const auto started = std::chrono::steady_clock::now();
    const int step = options.blocks >= 20 ? options.blocks / 20 : 1;
    const auto progress = [&](const gen_chain::Stats& stats) {
        if (stats.blocks % step == 0 || stats.blocks == options.blocks) {
            std::fprintf(stderr, "\rgen-chain: block %d/%d, %llu transactions", stats.blocks, options.blocks,
                         static_cast<unsigned long long>(stats.transactions));
        }
    };
    const auto result = gen_chain::WriteChainFile(*params, options, out, progress);
    if (options.blocks > 0) std::fputc('\n', stderr);
    if (!result) {
        std::fprintf(stderr, "gen-chain: %s\n", result.error().c_str());
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const gen_chain::Stats& stats = *result;
    std::fprintf(stderr, "gen-chain: wrote %s: %d blocks, %llu transactions (with coinbases), %llu bytes in %.1f s\n",
                 out.c_str(), stats.blocks, static_cast<unsigned long long>(stats.transactions),
                 static_cast<unsigned long long>(stats.block_bytes + 8ULL * unsigned(stats.blocks)), seconds);
    std::fprintf(stderr, "gen-chain: inputs spent by type (outputs created):\n");
    for (size_t t = 0; t < gen_chain::SPEND_TYPE_COUNT; ++t) {
        const auto type = static_cast<gen_chain::SpendType>(t);
        std::fprintf(stderr, "  %-16s %10llu (%llu)\n", std::string(gen_chain::SpendTypeName(type)).c_str(),
                     static_cast<unsigned long long>(stats.inputs[t]), static_cast<unsigned long long>(stats.outputs[t]));
    }
    return 0;
}
