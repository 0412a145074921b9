#include <json/block_json.h>

#include <json/number.h>
#include <script/script_ops.h>
#include <util/serialize.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cassert>
#include <cstdio>

namespace json {
namespace {

// Core's "%08x" of a 32-bit field (a negative version prints its two's complement).
std::string Hex8(uint32_t v)
{
    char buf[9];
    std::snprintf(buf, sizeof(buf), "%08x", v);
    return buf;
}

constexpr int64_t WITNESS_SCALE_FACTOR = 4;             // BIP141
constexpr int64_t MAX_BLOCK_SERIALIZED_SIZE = 4'000'000; // Core's starting value for mintxsize
// Bytes the UTXO index spends per coin besides the output itself, as
// getblockstats counts them: outpoint (32 + 4), height (4) and coinbase flag (1).
constexpr int64_t PER_UTXO_OVERHEAD = 32 + 4 + 4 + 1;

struct BlockSizes {
    size_t stripped{0};
    size_t total{0};
};

BlockSizes SizesOf(const primitives::Block& block)
{
    const size_t base = primitives::BlockHeader::SIZE + util::CompactSizeLength(block.txs.size());
    BlockSizes sizes{base, base};
    for (const primitives::TransactionRef& tx : block.txs) {
        sizes.stripped += tx->StrippedSize();
        sizes.total += tx->TotalSize();
    }
    return sizes;
}

// An output's serialized size (value, script length, script).
int64_t SerializedSize(const primitives::TxOut& out)
{
    return static_cast<int64_t>(8 + util::CompactSizeLength(out.script_pubkey.size()) + out.script_pubkey.size());
}

// The mean of the two middle values for an even count, rounded down; 0 for none.
int64_t TruncatedMedian(std::vector<int64_t> values)
{
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 0 ? (values[n / 2 - 1] + values[n / 2]) / 2 : values[n / 2];
}

// Feerates at the 10th, 25th, 50th, 75th and 90th percentile of weight:
// sorted by feerate (then weight), each percentile takes the feerate of the
// transaction at which the running weight first reaches it.
std::array<int64_t, BLOCK_STATS_PERCENTILES> PercentilesByWeight(std::vector<std::pair<int64_t, int64_t>> scores,
                                                                  int64_t total_weight)
{
    std::array<int64_t, BLOCK_STATS_PERCENTILES> result{};
    if (scores.empty()) return result;
    std::sort(scores.begin(), scores.end());
    const double total = static_cast<double>(total_weight);
    const double thresholds[BLOCK_STATS_PERCENTILES] = {total / 10.0, total / 4.0, total / 2.0, (total * 3.0) / 4.0,
                                                        (total * 9.0) / 10.0};
    size_t next = 0;
    int64_t cumulative = 0;
    for (const auto& [feerate, weight] : scores) {
        cumulative += weight;
        while (next < BLOCK_STATS_PERCENTILES && static_cast<double>(cumulative) >= thresholds[next]) {
            result[next++] = feerate;
        }
    }
    for (; next < BLOCK_STATS_PERCENTILES; ++next) result[next] = scores.back().first;
    return result;
}

} // namespace

util::Result<void> CheckSpentOutputs(const primitives::Block& block, const BlockSpentOutputs& spent)
{
    const size_t non_coinbase = block.txs.empty() ? 0 : block.txs.size() - 1;
    if (spent.size() != non_coinbase) {
        return util::Error{"undo data has " + std::to_string(spent.size()) + " transactions, the block " +
                           std::to_string(non_coinbase) + " after the coinbase"};
    }
    for (size_t i = 0; i < spent.size(); ++i) {
        const primitives::Transaction& tx = *block.txs[i + 1];
        if (spent[i].size() != tx.inputs().size()) {
            return util::Error{"undo data for transaction " + std::to_string(i + 1) + " has " +
                               std::to_string(spent[i].size()) + " spent outputs for " +
                               std::to_string(tx.inputs().size()) + " inputs"};
        }
        if (!TxFee(tx, spent[i])) {
            return util::Error{"undo data for transaction " + std::to_string(i + 1) + " gives a fee outside the money range"};
        }
    }
    return {};
}

double Difficulty(uint32_t bits)
{
    // The mantissa of the easiest target (0xffff at exponent 0x1d) over this
    // one's, then scaled by 256 per step of exponent away from 0x1d.
    int exponent = static_cast<int>((bits >> 24) & 0xff);
    double difficulty = static_cast<double>(0x0000ffff) / static_cast<double>(bits & 0x00ffffff);
    for (; exponent < 29; ++exponent) difficulty *= 256.0;
    for (; exponent > 29; --exponent) difficulty /= 256.0;
    return difficulty;
}

primitives::ArithUint256 BitsToTarget(uint32_t bits)
{
    return primitives::ArithUint256::FromCompact(bits);
}

boost::json::object BlockHeaderToJson(const primitives::BlockHeader& header, const BlockPosition& position)
{
    boost::json::object o;
    o["hash"] = position.hash.ToHex();
    o["confirmations"] = static_cast<int64_t>(position.confirmations);
    o["height"] = static_cast<int64_t>(position.height);
    o["version"] = static_cast<int64_t>(header.version);
    o["versionHex"] = Hex8(static_cast<uint32_t>(header.version));
    o["merkleroot"] = header.merkle_root.ToHex();
    o["time"] = static_cast<int64_t>(header.time);
    o["mediantime"] = position.median_time_past;
    o["nonce"] = static_cast<int64_t>(header.nonce);
    o["bits"] = Hex8(header.bits);
    o["target"] = BitsToTarget(header.bits).ToHex();
    o["difficulty"] = Difficulty(header.bits);
    o["chainwork"] = position.chain_work.ToHex();
    o["nTx"] = position.tx_count;
    if (position.previous) o["previousblockhash"] = position.previous->ToHex();
    if (position.next) o["nextblockhash"] = position.next->ToHex();
    return o;
}

boost::json::object BlockToJson(const primitives::Block& block, const BlockPosition& position,
                                BlockVerbosity verbosity, const BlockSpentOutputs* spent,
                                const script::AddressParams& addresses)
{
    assert(!spent || CheckSpentOutputs(block, *spent));
    boost::json::object o = BlockHeaderToJson(block.header, position);
    const BlockSizes sizes = SizesOf(block);
    o["strippedsize"] = static_cast<int64_t>(sizes.stripped);
    o["size"] = static_cast<int64_t>(sizes.total);
    o["weight"] = static_cast<int64_t>(sizes.stripped * (WITNESS_SCALE_FACTOR - 1) + sizes.total);

    boost::json::array txs;
    txs.reserve(block.txs.size());
    for (size_t i = 0; i < block.txs.size(); ++i) {
        const primitives::Transaction& tx = *block.txs[i];
        if (verbosity == BlockVerbosity::TXIDS) {
            txs.emplace_back(tx.txid().ToHex());
            continue;
        }
        TxJsonOptions options;
        options.include_hex = true;
        // The coinbase has no undo record.
        options.spent_outputs = spent && i > 0 ? &(*spent)[i - 1] : nullptr;
        options.include_prevout = verbosity == BlockVerbosity::TX_DETAILS_AND_PREVOUT;
        txs.emplace_back(TxToJson(tx, addresses, options));
    }
    o["tx"] = std::move(txs);
    return o;
}

BlockStats ComputeBlockStats(const primitives::Block& block, const BlockPosition& position,
                             const BlockSpentOutputs& spent, const BlockStatsContext& context)
{
    assert(CheckSpentOutputs(block, spent));
    BlockStats s;
    s.blockhash = position.hash;
    s.height = position.height;
    s.mediantime = position.median_time_past;
    s.time = block.header.time;
    s.subsidy = context.subsidy.sats();
    s.txs = static_cast<int64_t>(block.txs.size());

    int64_t minfee = primitives::MAX_MONEY.sats();
    int64_t minfeerate = primitives::MAX_MONEY.sats();
    int64_t mintxsize = MAX_BLOCK_SERIALIZED_SIZE;
    int64_t utxos = 0;
    std::vector<int64_t> fees;
    std::vector<int64_t> tx_sizes;
    std::vector<std::pair<int64_t, int64_t>> feerates; // (feerate, weight)

    for (size_t i = 0; i < block.txs.size(); ++i) {
        const primitives::Transaction& tx = *block.txs[i];
        const bool coinbase = tx.IsCoinBase();
        s.outs += static_cast<int64_t>(tx.outputs().size());
        for (const primitives::TxOut& out : tx.outputs()) {
            const int64_t out_size = SerializedSize(out) + PER_UTXO_OVERHEAD;
            s.utxo_size_inc += out_size;
            // The genesis block's and the BIP30 repeats' coinbase outputs
            // never entered the UTXO set; nor do unspendable outputs.
            if (position.height == 0 || (context.bip30_repeat && coinbase)) continue;
            if (script::IsUnspendable(out.script_pubkey)) continue;
            ++utxos;
            s.utxo_size_inc_actual += out_size;
        }
        if (coinbase) continue;

        s.ins += static_cast<int64_t>(tx.inputs().size());
        int64_t tx_out = 0;
        for (const primitives::TxOut& out : tx.outputs()) tx_out += out.value.sats();
        s.total_out += tx_out;

        const int64_t tx_size = static_cast<int64_t>(tx.TotalSize());
        tx_sizes.push_back(tx_size);
        s.maxtxsize = std::max(s.maxtxsize, tx_size);
        mintxsize = std::min(mintxsize, tx_size);
        s.total_size += tx_size;

        const int64_t weight = static_cast<int64_t>(tx.Weight());
        s.total_weight += weight;
        if (tx.HasWitness()) {
            ++s.swtxs;
            s.swtotal_size += tx_size;
            s.swtotal_weight += weight;
        }

        for (const SpentOutput& prev : spent[i - 1]) {
            const int64_t prev_size = SerializedSize(prev.out) + PER_UTXO_OVERHEAD;
            s.utxo_size_inc -= prev_size;
            s.utxo_size_inc_actual -= prev_size;
        }
        const int64_t fee = TxFee(tx, spent[i - 1])->sats();
        fees.push_back(fee);
        s.maxfee = std::max(s.maxfee, fee);
        minfee = std::min(minfee, fee);
        s.totalfee += fee;

        // sat/vB, rounded down: fee * 4 / weight.
        const int64_t feerate = weight ? fee * WITNESS_SCALE_FACTOR / weight : 0;
        feerates.emplace_back(feerate, weight);
        s.maxfeerate = std::max(s.maxfeerate, feerate);
        minfeerate = std::min(minfeerate, feerate);
    }

    const int64_t non_coinbase = s.txs > 1 ? s.txs - 1 : 0;
    s.avgfee = non_coinbase ? s.totalfee / non_coinbase : 0;
    s.avgfeerate = s.total_weight ? s.totalfee * WITNESS_SCALE_FACTOR / s.total_weight : 0;
    s.avgtxsize = non_coinbase ? s.total_size / non_coinbase : 0;
    s.feerate_percentiles = PercentilesByWeight(std::move(feerates), s.total_weight);
    s.medianfee = TruncatedMedian(std::move(fees));
    s.mediantxsize = TruncatedMedian(std::move(tx_sizes));
    // Starting values that no transaction lowered print as 0.
    s.minfee = minfee == primitives::MAX_MONEY.sats() ? 0 : minfee;
    s.minfeerate = minfeerate == primitives::MAX_MONEY.sats() ? 0 : minfeerate;
    s.mintxsize = mintxsize == MAX_BLOCK_SERIALIZED_SIZE ? 0 : mintxsize;
    s.utxo_increase = s.outs - s.ins;
    s.utxo_increase_actual = utxos - s.ins;
    return s;
}

util::Result<boost::json::object> BlockStatsToJson(const BlockStats& s, const std::vector<std::string>& selected)
{
    boost::json::array percentiles;
    for (int64_t feerate : s.feerate_percentiles) percentiles.emplace_back(feerate);

    // Core's key order: alphabetical but for the four utxo_* figures.
    boost::json::object all;
    all["avgfee"] = s.avgfee;
    all["avgfeerate"] = s.avgfeerate;
    all["avgtxsize"] = s.avgtxsize;
    all["blockhash"] = s.blockhash.ToHex();
    all["feerate_percentiles"] = std::move(percentiles);
    all["height"] = s.height;
    all["ins"] = s.ins;
    all["maxfee"] = s.maxfee;
    all["maxfeerate"] = s.maxfeerate;
    all["maxtxsize"] = s.maxtxsize;
    all["medianfee"] = s.medianfee;
    all["mediantime"] = s.mediantime;
    all["mediantxsize"] = s.mediantxsize;
    all["minfee"] = s.minfee;
    all["minfeerate"] = s.minfeerate;
    all["mintxsize"] = s.mintxsize;
    all["outs"] = s.outs;
    all["subsidy"] = s.subsidy;
    all["swtotal_size"] = s.swtotal_size;
    all["swtotal_weight"] = s.swtotal_weight;
    all["swtxs"] = s.swtxs;
    all["time"] = s.time;
    all["total_out"] = s.total_out;
    all["total_size"] = s.total_size;
    all["total_weight"] = s.total_weight;
    all["totalfee"] = s.totalfee;
    all["txs"] = s.txs;
    all["utxo_increase"] = s.utxo_increase;
    all["utxo_size_inc"] = s.utxo_size_inc;
    all["utxo_increase_actual"] = s.utxo_increase_actual;
    all["utxo_size_inc_actual"] = s.utxo_size_inc_actual;
    if (selected.empty()) return all;

    // Core collects the names in a std::set: sorted bytewise, duplicates merged.
    std::vector<std::string> names(selected);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    boost::json::object picked;
    for (const std::string& name : names) {
        const auto it = all.find(name);
        if (it == all.end()) return util::Error{"Invalid selected statistic '" + name + "'"};
        picked[name] = it->value();
    }
    return picked;
}

} // namespace json
