#include <capi/utxoconsensus.h>

#include <util/hex.h>

#include <test_data.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

BOOST_AUTO_TEST_SUITE(utxoconsensus_tests)

BOOST_AUTO_TEST_CASE(version_matches_header)
{
    BOOST_CHECK_EQUAL(utxoconsensus_version(), static_cast<unsigned>(UTXOCONSENSUS_API_VER));
    // The error codes keep their published values.
    BOOST_CHECK_EQUAL(static_cast<int>(utxoconsensus_ERR_OK), 0);
    BOOST_CHECK_EQUAL(static_cast<int>(utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH), 7);
}

BOOST_AUTO_TEST_CASE(concurrent_calls_agree)
{
    // Bitcoin Core tx_valid.json's first CHECKMULTISIG spend: valid under P2SH,
    // SIG_DER under DERSIG. Several threads call at once; every answer must match.
    const auto spk = test::ParseHex(
        "514104cc71eb30d653c0c3163990c47b976f3fb3f37cccdcbedb169a1dfef58bbfbfaff7d8a473e7e2e6d317b87bafe8bde97e3cf8f065dec0"
        "22b51d11fcdd0d348ac4410461cbdcc5409fb4b4d42b51d33381354d80e550078cb532a34bfa2fcfdeb7d76519aecc62770f5b0e4ef85519"
        "46d8a540911abe3e7854a26f39f58b25c15342af52ae");
    const auto tx = test::ParseHex(
        "0100000001b14bdcbc3e01bdaad36cc08e81e69c82e1060bc14e518db2b49aa43ad90ba26000000000490047304402203f16c6f40162ab686"
        "621ef3000b04e75418a0c0cb2d8aebeac894ae360ac1e780220ddc15ecdfc3507ac48e1681a33eb60996631bf6bf5bc0a0682c4db743ce7c"
        "a2b01ffffffff0140420f00000000001976a914660d4ef3a743e3e696ad990364e555c271ad504b88ac00000000");
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                const bool dersig = (i + t) % 2 == 1;
                const unsigned flags = utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH |
                                       (dersig ? utxoconsensus_SCRIPT_FLAGS_VERIFY_DERSIG : 0U);
                utxoconsensus_error err = utxoconsensus_ERR_TX_INDEX;
                int script_err = -1;
                const int ok = utxoconsensus_verify_script(spk.data(), static_cast<unsigned>(spk.size()), 0, tx.data(),
                                                           static_cast<unsigned>(tx.size()), nullptr, 0, 0, flags, &err,
                                                           &script_err);
                const char* name = utxoconsensus_script_error_name(script_err);
                const bool right = err == utxoconsensus_ERR_OK &&
                                   (dersig ? (ok == 0 && std::strcmp(name, "SIG_DER") == 0)
                                           : (ok == 1 && std::strcmp(name, "OK") == 0));
                if (!right) ++wrong;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_CHECK_EQUAL(wrong.load(), 0);
}

BOOST_AUTO_TEST_SUITE_END()
