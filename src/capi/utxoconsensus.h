/* libutxoconsensus: utxod's consensus rules as a C library.
 *
 * Callable from C, Python ctypes, Rust or Go. Every function is safe to call
 * from several threads at once and never keeps pointers to its arguments.
 *
 * Nothing here allocates memory that outlives a call, and no input bytes,
 * however malformed, can crash it: bad input gives an error code.
 */
#ifndef UTXOCONSENSUS_H
#define UTXOCONSENSUS_H

#include <stdint.h>

#if defined(BUILD_UTXOCONSENSUS) && defined(__GNUC__)
#define UTXOCONSENSUS_EXPORT __attribute__((visibility("default")))
#else
#define UTXOCONSENSUS_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define UTXOCONSENSUS_API_VER 1

typedef enum {
    utxoconsensus_ERR_OK = 0,
    utxoconsensus_ERR_TX_INDEX,
    utxoconsensus_ERR_TX_SIZE_MISMATCH,
    utxoconsensus_ERR_TX_DESERIALIZE,
    utxoconsensus_ERR_AMOUNT_REQUIRED,
    utxoconsensus_ERR_INVALID_FLAGS,
    utxoconsensus_ERR_SPENT_OUTPUTS_REQUIRED,
    utxoconsensus_ERR_SPENT_OUTPUTS_MISMATCH
} utxoconsensus_error;

/* An output being spent: its script and value in satoshis. */
typedef struct {
    const unsigned char *script_pubkey;
    unsigned int script_pubkey_size;
    int64_t value;
} utxoconsensus_utxo;

/* Script verification flags (same bits as Bitcoin Core's SCRIPT_VERIFY_*). */
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_NONE 0
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_P2SH (1U << 0)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_STRICTENC (1U << 1)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DERSIG (1U << 2)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_LOW_S (1U << 3)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_NULLDUMMY (1U << 4)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_SIGPUSHONLY (1U << 5)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_MINIMALDATA (1U << 6)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DISCOURAGE_UPGRADABLE_NOPS (1U << 7)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_CLEANSTACK (1U << 8)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_CHECKLOCKTIMEVERIFY (1U << 9)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_CHECKSEQUENCEVERIFY (1U << 10)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_WITNESS (1U << 11)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM (1U << 12)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_MINIMALIF (1U << 13)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_NULLFAIL (1U << 14)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_WITNESS_PUBKEYTYPE (1U << 15)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_CONST_SCRIPTCODE (1U << 16)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_TAPROOT (1U << 17)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION (1U << 18)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DISCOURAGE_OP_SUCCESS (1U << 19)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE (1U << 20)
#define utxoconsensus_SCRIPT_FLAGS_VERIFY_ALL ((1U << 21) - 1)

/* 1 if input nIn of txTo validly spends the output (scriptPubKey, amount) under
 * flags, else 0.
 *   spent_outputs: one per input of txTo (required when flags has TAPROOT, else
 *     may be NULL; when given, its count must equal txTo's input count).
 *   err (may be NULL): utxoconsensus_ERR_OK when the call itself was sound (the
 *     answer then says valid or not), otherwise why nothing was verified:
 *     INVALID_FLAGS (unknown bits, or CLEANSTACK without P2SH and WITNESS, or
 *     WITNESS without P2SH), SPENT_OUTPUTS_REQUIRED, TX_DESERIALIZE,
 *     TX_SIZE_MISMATCH (txToLen is not exactly one transaction), TX_INDEX,
 *     SPENT_OUTPUTS_MISMATCH.
 *   script_err (may be NULL): the interpreter's error (0 = OK); see
 *     utxoconsensus_script_error_name(). */
UTXOCONSENSUS_EXPORT int utxoconsensus_verify_script(
    const unsigned char *scriptPubKey, unsigned int scriptPubKeyLen, int64_t amount,
    const unsigned char *txTo, unsigned int txToLen,
    const utxoconsensus_utxo *spent_outputs, unsigned int spent_outputs_len,
    unsigned int nIn, unsigned int flags, utxoconsensus_error *err, int *script_err);

/* The script_tests.json name of a script error, e.g. "EVAL_FALSE";
 * "UNKNOWN_ERROR" for values out of range. Static storage. */
UTXOCONSENSUS_EXPORT const char *utxoconsensus_script_error_name(int script_err);

/* 1 if the transaction passes the context-free consensus checks (non-empty
 * vin/vout, size, output ranges, no duplicate inputs, coinbase script size, no
 * null prevouts in non-coinbase), else 0. reason (may be NULL) receives a static
 * string: Bitcoin Core's reject reason such as "bad-txns-inputs-duplicate", or
 * "" when the transaction passes or could not be read (then err says why). */
UTXOCONSENSUS_EXPORT int utxoconsensus_check_transaction(const unsigned char *txTo, unsigned int txToLen,
                                                         utxoconsensus_error *err, const char **reason);

/* UTXOCONSENSUS_API_VER of the library actually loaded, to compare with the
 * header a program was built against. */
UTXOCONSENSUS_EXPORT unsigned int utxoconsensus_version(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* UTXOCONSENSUS_H */
