// Verifying an input through libutxoconsensus's public C entry point, for the
// vector tests: every vector must pass through the C API, not only through
// the C++ interpreter.
#ifndef UTXO_TEST_UNIT_CAPI_CAPI_VERIFY_H
#define UTXO_TEST_UNIT_CAPI_CAPI_VERIFY_H

#include <capi/utxoconsensus.h>
#include <primitives/transaction.h>
#include <script/script_error.h>

#include <stdexcept>
#include <vector>

namespace test {

// The interpreter's verdict for input `index` of `tx` via utxoconsensus_verify_script,
// with every spent output passed. Throws if the call itself reports an error.
inline script::ScriptError VerifyThroughCapi(const primitives::MutableTransaction& tx,
                                             const std::vector<primitives::TxOut>& spent, size_t index,
                                             uint32_t flags)
{
    const util::Bytes raw = primitives::EncodeTransaction(tx);
    std::vector<utxoconsensus_utxo> utxos;
    for (const auto& out : spent) {
        utxos.push_back({out.script_pubkey.data(), static_cast<unsigned int>(out.script_pubkey.size()), out.value.sats()});
    }
    const auto& spk = spent[index].script_pubkey;
    utxoconsensus_error err = utxoconsensus_ERR_OK;
    int script_err = -1;
    const int ok = utxoconsensus_verify_script(spk.data(), static_cast<unsigned int>(spk.size()), spent[index].value.sats(),
                                               raw.data(), static_cast<unsigned int>(raw.size()), utxos.data(),
                                               static_cast<unsigned int>(utxos.size()), static_cast<unsigned int>(index),
                                               flags, &err, &script_err);
    if (err != utxoconsensus_ERR_OK) throw std::runtime_error("utxoconsensus_verify_script error " + std::to_string(err));
    const auto result = static_cast<script::ScriptError>(script_err);
    if ((ok == 1) != (result == script::ScriptError::OK)) throw std::runtime_error("verdict and script error disagree");
    return result;
}

} // namespace test

#endif // UTXO_TEST_UNIT_CAPI_CAPI_VERIFY_H
