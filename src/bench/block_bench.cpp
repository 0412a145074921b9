// Block deserialization and merkle root benchmarks on mainnet block 413567.
#include <bench/bench.h>
#include <primitives/block.h>
#include <primitives/merkle.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace {

util::Bytes LoadBlock413567()
{
    const std::string path = std::string(UTXO_TEST_DATA_DIR) + "/block413567.raw";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::exit(1);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void DeserializeBlock413567(bench::Bench& b)
{
    const util::Bytes raw = LoadBlock413567();
    b.BytesPerOp(raw.size()).Run([&] {
        auto block = primitives::DecodeBlock(raw);
        bench::DoNotOptimize(block.ok());
    });
}

void DeserializeAndMerkleBlock413567(bench::Bench& b)
{
    const util::Bytes raw = LoadBlock413567();
    b.BytesPerOp(raw.size()).Run([&] {
        auto block = primitives::DecodeBlock(raw);
        bool mutated = false;
        const bool ok = block && primitives::BlockMerkleRoot(*block, &mutated) == block->header.merkle_root && !mutated;
        if (!ok) std::abort();
    });
}

void MerkleRootBlock413567(bench::Bench& b)
{
    const util::Bytes raw = LoadBlock413567();
    auto block = primitives::DecodeBlock(raw);
    if (!block) std::abort();
    b.Run([&] {
        bool mutated = false;
        bench::DoNotOptimize(primitives::BlockMerkleRoot(*block, &mutated));
    });
}

void SerializeBlock413567(bench::Bench& b)
{
    const util::Bytes raw = LoadBlock413567();
    auto block = primitives::DecodeBlock(raw);
    if (!block) std::abort();
    b.BytesPerOp(raw.size()).Run([&] { bench::DoNotOptimize(primitives::EncodeBlock(*block).size()); });
}

} // namespace

UTXO_BENCHMARK(DeserializeBlock413567);
UTXO_BENCHMARK(DeserializeAndMerkleBlock413567);
UTXO_BENCHMARK(MerkleRootBlock413567);
UTXO_BENCHMARK(SerializeBlock413567);
