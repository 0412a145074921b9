#include <consensus/signet.h>

#include <consensus/block_check.h>
#include <consensus/chain_params.h>
#include <consensus/pow.h>
#include <crypto/signer.h>
#include <primitives/merkle.h>
#include <primitives/witness_commitment.h>
#include <script/opcodes.h>
#include <script/script_ops.h>
#include <script/sighash.h>
#include <script/signature_encoding.h>

#include <boost/test/unit_test.hpp>

using primitives::Block;
using primitives::MutableTransaction;

namespace {

const std::array<uint8_t, 32> SECRET{7, 7, 7};

// A signet block: a coinbase with a witness commitment output, whose script
// ends with `extra_push` when given (the solution's place).
Block SignetBlock(std::optional<util::Bytes> extra_push)
{
    MutableTransaction coinbase;
    coinbase.vin.resize(1);
    script::AppendInt(coinbase.vin[0].script_sig, 1);
    coinbase.vin[0].script_sig.push_back(script::OP_0);
    coinbase.vin[0].witness.stack.assign(1, util::Bytes(32, 0));
    coinbase.vout.push_back({primitives::Amount{50'0000'0000}, {script::OP_TRUE}});
    util::Bytes commitment = primitives::WitnessCommitmentScript(primitives::Uint256());
    if (extra_push) script::AppendPush(commitment, *extra_push);
    coinbase.vout.push_back({primitives::Amount{0}, commitment});
    Block block;
    block.header.version = 0x20000000;
    block.header.prev_block = primitives::BlockHash(primitives::Uint256(std::array<uint8_t, 32>{1}));
    block.header.time = 1'700'000'000;
    block.header.bits = 0x1e0377ae;
    block.txs.push_back(std::make_shared<const primitives::Transaction>(std::move(coinbase)));
    block.header.merkle_root = primitives::BlockMerkleRoot(block);
    return block;
}

util::Bytes Header(util::ByteSpan rest = {})
{
    util::Bytes data(consensus::SIGNET_HEADER.begin(), consensus::SIGNET_HEADER.end());
    data.insert(data.end(), rest.begin(), rest.end());
    return data;
}

} // namespace

BOOST_AUTO_TEST_SUITE(signet_tests)

BOOST_AUTO_TEST_CASE(trivial_challenge_needs_a_commitment)
{
    consensus::Params params;
    params.signet_blocks = true;
    params.signet_challenge = {script::OP_TRUE};
    BOOST_CHECK(consensus::CheckSignetBlockSolution(SignetBlock(std::nullopt), params));
    Block no_commitment = SignetBlock(std::nullopt);
    MutableTransaction coinbase = no_commitment.txs[0]->fields();
    coinbase.vout.pop_back();
    no_commitment.txs[0] = std::make_shared<const primitives::Transaction>(coinbase);
    BOOST_CHECK(!consensus::CheckSignetBlockSolution(no_commitment, params));
    // A solution that does not parse (a scriptSig, then garbage).
    BOOST_CHECK(!consensus::CheckSignetBlockSolution(SignetBlock(Header(util::Bytes{0x00, 0x00, 0x05})), params));
    // Genesis (no parent) and non-signet networks are not checked.
    no_commitment.header.prev_block = primitives::BlockHash();
    BOOST_CHECK(consensus::CheckSignetBlockSolution(no_commitment, params));
    params.signet_blocks = false;
    BOOST_CHECK(consensus::CheckSignetBlockSolution(SignetBlock(Header(util::Bytes{1})), params));
}

BOOST_AUTO_TEST_CASE(signed_solution_commits_to_the_block)
{
    crypto::Signer signer;
    const auto pubkey = *signer.CompressedPubKey(SECRET);
    consensus::Params params;
    params.signet_blocks = true;
    script::AppendPush(params.signet_challenge, pubkey);
    params.signet_challenge.push_back(script::OP_CHECKSIG);

    // The digest covers the block with only the header left of the solution push.
    const Block unsigned_block = SignetBlock(Header());
    const auto txs = consensus::CreateSignetTxs(unsigned_block, params.signet_challenge);
    BOOST_REQUIRE(txs);
    BOOST_CHECK_EQUAL(txs->to_spend.vin[0].script_sig.size(), 1u + 1 + 72); // OP_0, push of 72 bytes
    BOOST_CHECK(txs->to_spend.vout[0].script_pubkey == params.signet_challenge);
    const auto sighash = script::LegacySignatureHash(params.signet_challenge, txs->to_sign, 0, script::SIGHASH_ALL);
    auto signature = *signer.SignEcdsa(SECRET, std::span<const uint8_t, 32>(sighash.data(), 32));
    signature.push_back(script::SIGHASH_ALL);
    util::Bytes script_sig;
    script::AppendPush(script_sig, signature);
    util::Bytes solution{static_cast<uint8_t>(script_sig.size())};
    solution.insert(solution.end(), script_sig.begin(), script_sig.end());
    solution.push_back(0); // empty witness stack

    Block block = SignetBlock(Header(solution));
    BOOST_CHECK(consensus::CheckSignetBlockSolution(block, params));
    BOOST_CHECK(consensus::CheckBlock(block, params, /*check_pow=*/false).ok());
    // Any change to what is committed breaks it.
    block.header.time += 1;
    BOOST_CHECK(!consensus::CheckSignetBlockSolution(block, params));
    // CheckBlock reports it with Core's reason (checked with the proof of work).
    params.pow_limit = primitives::Uint256::FromHex(std::string(64, 'f')).value();
    block.header.bits = 0x207fffff;
    while (!consensus::CheckProofOfWork(block.GetHash(), block.header.bits, params)) ++block.header.nonce;
    const auto result = consensus::CheckBlock(block, params);
    BOOST_CHECK_EQUAL(consensus::RejectReason(result, block), "bad-signet-blksig");
}

BOOST_AUTO_TEST_SUITE_END()
