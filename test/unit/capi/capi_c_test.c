/* libutxoconsensus from plain C, through the installed header only. */
#include <utxoconsensus.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_failed = 0;
static int g_passed = 0;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            ++g_passed;                                                    \
        } else {                                                           \
            ++g_failed;                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

static size_t FromHex(const char *hex, unsigned char *out, size_t cap)
{
    size_t n = strlen(hex) / 2;
    if (n > cap) abort();
    for (size_t i = 0; i < n; ++i) {
        unsigned int byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1) abort();
        out[i] = (unsigned char)byte;
    }
    return n;
}

/* Bitcoin Core tx_valid.json: the first OP_CHECKMULTISIG spend on the chain
 * (txid 23b397ed...), whose signature is not strict DER. */
static const char *MULTISIG_SPK =
    "514104cc71eb30d653c0c3163990c47b976f3fb3f37cccdcbedb169a1dfef58bbfbfaff7d8a473e7e2e6d317b87bafe8bde97e3cf8f065dec0"
    "22b51d11fcdd0d348ac4410461cbdcc5409fb4b4d42b51d33381354d80e550078cb532a34bfa2fcfdeb7d76519aecc62770f5b0e4ef85519"
    "46d8a540911abe3e7854a26f39f58b25c15342af52ae";
static const char *MULTISIG_TX =
    "0100000001b14bdcbc3e01bdaad36cc08e81e69c82e1060bc14e518db2b49aa43ad90ba26000000000490047304402203f16c6f40162ab686"
    "621ef3000b04e75418a0c0cb2d8aebeac894ae360ac1e780220ddc15ecdfc3507ac48e1681a33eb60996631bf6bf5bc0a0682c4db743ce7c"
    "a2b01ffffffff0140420f00000000001976a914660d4ef3a743e3e696ad990364e555c271ad504b88ac00000000";

int main(void)
{
    unsigned char spk[256], tx[512];
    const unsigned int spk_len = (unsigned int)FromHex(MULTISIG_SPK, spk, sizeof(spk));
    const unsigned int tx_len = (unsigned int)FromHex(MULTISIG_TX, tx, sizeof(tx));
    utxoconsensus_error err = utxoconsensus_ERR_TX_INDEX;
    int script_err = -1;

    CHECK(utxoconsensus_version() == UTXOCONSENSUS_API_VER);

    /* Valid under P2SH rules; the lax signature fails once DERSIG applies. */
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 0,
                                      utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH, &err, &script_err) == 1);
    CHECK(err == utxoconsensus_ERR_OK);
    CHECK(strcmp(utxoconsensus_script_error_name(script_err), "OK") == 0);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 0,
                                      utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH |
                                          utxoconsensus_SCRIPT_FLAGS_VERIFY_DERSIG,
                                      &err, &script_err) == 0);
    CHECK(err == utxoconsensus_ERR_OK);
    CHECK(strcmp(utxoconsensus_script_error_name(script_err), "SIG_DER") == 0);

    /* Call errors. */
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 1, 0, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_TX_INDEX);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len - 1, NULL, 0, 0, 0, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_TX_DESERIALIZE);
    tx[tx_len] = 0; /* one byte too many */
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len + 1, NULL, 0, 0, 0, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_TX_SIZE_MISMATCH);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 0, 1U << 21, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_INVALID_FLAGS);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 0,
                                      utxoconsensus_SCRIPT_FLAGS_VERIFY_CLEANSTACK, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_INVALID_FLAGS);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, NULL, 0, 0,
                                      utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH | utxoconsensus_SCRIPT_FLAGS_VERIFY_WITNESS |
                                          utxoconsensus_SCRIPT_FLAGS_VERIFY_TAPROOT,
                                      &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_SPENT_OUTPUTS_REQUIRED);
    {
        utxoconsensus_utxo spent[2] = {{spk, spk_len, 0}, {spk, spk_len, 0}};
        CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, spent, 2, 0,
                                          utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH, &err, NULL) == 0);
        CHECK(err == utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH);
        CHECK(utxoconsensus_verify_script(spk, spk_len, 0, tx, tx_len, spent, 1, 0,
                                          utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH, &err, NULL) == 1);
        CHECK(err == utxoconsensus_ERR_OK);
    }
    CHECK(utxoconsensus_verify_script(NULL, 5, 0, tx, tx_len, NULL, 0, 0, 0, &err, NULL) == 0);
    CHECK(utxoconsensus_verify_script(spk, spk_len, 0, NULL, 10, NULL, 0, 0, 0, &err, NULL) == 0);
    CHECK(err == utxoconsensus_ERR_TX_DESERIALIZE);

    /* Context-free checks. */
    {
        const char *reason = "unset";
        CHECK(utxoconsensus_check_transaction(tx, tx_len, &err, &reason) == 1);
        CHECK(err == utxoconsensus_ERR_OK && strcmp(reason, "") == 0);
        /* No outputs: version, one input, zero outputs, lock time. */
        unsigned char no_outputs[64];
        size_t n = FromHex("0100000001b14bdcbc3e01bdaad36cc08e81e69c82e1060bc14e518db2b49aa43ad90ba2600000000000ffffffff0000000000",
                           no_outputs, sizeof(no_outputs));
        CHECK(utxoconsensus_check_transaction(no_outputs, (unsigned int)n, &err, &reason) == 0);
        CHECK(err == utxoconsensus_ERR_OK && strcmp(reason, "bad-txns-vout-empty") == 0);
        CHECK(utxoconsensus_check_transaction(tx, 3, &err, &reason) == 0);
        CHECK(err == utxoconsensus_ERR_TX_DESERIALIZE);
    }

    CHECK(strcmp(utxoconsensus_script_error_name(-1), "UNKNOWN_ERROR") == 0);
    CHECK(strcmp(utxoconsensus_script_error_name(100000), "UNKNOWN_ERROR") == 0);
    CHECK(strcmp(utxoconsensus_script_error_name(2), "EVAL_FALSE") == 0);

    printf("capi_c_test: %d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
