#include <json/tx_json.h>

#include <json/number.h>
#include <script/asm.h>
#include <script/descriptor_infer.h>
#include <script/solver.h>
#include <util/hex.h>

#include <boost/json.hpp>

#include <cassert>

namespace json {
namespace {

boost::json::object PrevoutToJson(const SpentOutput& spent, const script::AddressParams& addresses)
{
    boost::json::object o;
    o["generated"] = spent.coinbase;
    o["height"] = static_cast<int64_t>(spent.height);
    o["value"] = AmountValue(spent.out.value);
    o["scriptPubKey"] = ScriptPubKeyToJson(spent.out.script_pubkey, addresses);
    return o;
}

// Sums amounts, failing on a value or total outside [0, MAX_MONEY] (so no overflow).
std::optional<primitives::Amount> SumInRange(std::optional<primitives::Amount> total, primitives::Amount add)
{
    if (!total || !primitives::MoneyRange(add)) return std::nullopt;
    const primitives::Amount sum{total->sats() + add.sats()};
    if (!primitives::MoneyRange(sum)) return std::nullopt;
    return sum;
}

boost::json::object InputToJson(const primitives::TxIn& in, bool coinbase, const SpentOutput* prevout,
                                const script::AddressParams& addresses)
{
    boost::json::object o;
    if (coinbase) {
        o["coinbase"] = util::HexStr(in.script_sig);
    } else {
        o["txid"] = in.prevout.txid.ToHex();
        o["vout"] = static_cast<int64_t>(in.prevout.index);
        boost::json::object script_sig;
        script_sig["asm"] = script::ScriptToAsm(in.script_sig, /*attempt_sighash_decode=*/true);
        script_sig["hex"] = util::HexStr(in.script_sig);
        o["scriptSig"] = std::move(script_sig);
    }
    if (!in.witness.IsNull()) {
        boost::json::array witness;
        for (const util::Bytes& item : in.witness.stack) witness.emplace_back(util::HexStr(item));
        o["txinwitness"] = std::move(witness);
    }
    if (prevout) o["prevout"] = PrevoutToJson(*prevout, addresses);
    o["sequence"] = static_cast<int64_t>(in.sequence);
    return o;
}

} // namespace

std::optional<primitives::Amount> TxFee(const primitives::Transaction& tx, const std::vector<SpentOutput>& spent)
{
    if (spent.size() != tx.inputs().size()) return std::nullopt;
    std::optional<primitives::Amount> in{primitives::Amount{0}};
    for (const SpentOutput& s : spent) in = SumInRange(in, s.out.value);
    std::optional<primitives::Amount> out{primitives::Amount{0}};
    for (const primitives::TxOut& o : tx.outputs()) out = SumInRange(out, o.value);
    if (!in || !out) return std::nullopt;
    const primitives::Amount fee{in->sats() - out->sats()};
    if (!primitives::MoneyRange(fee)) return std::nullopt;
    return fee;
}

boost::json::object ScriptPubKeyToJson(util::ByteSpan script_bytes, const script::AddressParams& addresses)
{
    boost::json::object o;
    o["asm"] = script::ScriptToAsm(script_bytes, /*attempt_sighash_decode=*/false);
    o["desc"] = script::InferDescriptor(script_bytes, addresses);
    o["hex"] = util::HexStr(script_bytes);
    std::vector<util::Bytes> solutions;
    const script::TxoutType type = script::Solver(script_bytes, solutions);
    script::Destination destination;
    // Bare pubkeys have a destination but no address.
    if (script::ExtractDestination(script_bytes, destination) && type != script::TxoutType::PUBKEY) {
        o["address"] = script::EncodeDestination(destination, addresses);
    }
    o["type"] = script::TxoutTypeName(type);
    return o;
}

boost::json::object TxToJson(const primitives::Transaction& tx, const script::AddressParams& addresses,
                             const TxJsonOptions& options)
{
    boost::json::object o;
    o["txid"] = tx.txid().ToHex();
    o["hash"] = tx.wtxid().ToHex();
    o["version"] = static_cast<int64_t>(tx.version());
    o["size"] = static_cast<int64_t>(tx.TotalSize());
    o["vsize"] = static_cast<int64_t>(tx.VirtualSize());
    o["weight"] = static_cast<int64_t>(tx.Weight());
    o["locktime"] = static_cast<int64_t>(tx.lock_time());

    const bool coinbase = tx.IsCoinBase();
    const std::vector<SpentOutput>* spent = options.spent_outputs;
    assert(!spent || spent->size() == tx.inputs().size());
    boost::json::array vin;
    for (size_t i = 0; i < tx.inputs().size(); ++i) {
        const SpentOutput* prevout = spent && options.include_prevout ? &(*spent)[i] : nullptr;
        vin.emplace_back(InputToJson(tx.inputs()[i], coinbase, prevout, addresses));
    }
    o["vin"] = std::move(vin);

    boost::json::array vout;
    for (size_t i = 0; i < tx.outputs().size(); ++i) {
        const primitives::TxOut& out = tx.outputs()[i];
        boost::json::object entry;
        entry["value"] = AmountValue(out.value);
        entry["n"] = static_cast<int64_t>(i);
        entry["scriptPubKey"] = ScriptPubKeyToJson(out.script_pubkey, addresses);
        vout.emplace_back(std::move(entry));
    }
    o["vout"] = std::move(vout);

    if (spent) {
        const std::optional<primitives::Amount> fee = TxFee(tx, *spent);
        assert(fee);
        o["fee"] = AmountValue(*fee);
    }
    if (options.block_hash) o["blockhash"] = options.block_hash->ToHex();
    if (options.include_hex) o["hex"] = util::HexStr(primitives::EncodeTransaction(tx));
    return o;
}

} // namespace json
