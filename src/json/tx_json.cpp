#include <json/tx_json.h>

#include <json/number.h>
#include <script/asm.h>
#include <script/descriptor_infer.h>
#include <script/solver.h>
#include <util/hex.h>

#include <boost/json.hpp>

namespace json {
namespace {

boost::json::object InputToJson(const primitives::TxIn& in, bool coinbase)
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
    o["sequence"] = static_cast<int64_t>(in.sequence);
    return o;
}

} // namespace

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
    boost::json::array vin;
    for (const primitives::TxIn& in : tx.inputs()) vin.emplace_back(InputToJson(in, coinbase));
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

    if (options.block_hash) o["blockhash"] = options.block_hash->ToHex();
    if (options.include_hex) o["hex"] = util::HexStr(primitives::EncodeTransaction(tx));
    return o;
}

} // namespace json
