// utxo-tx: offline transaction tool in the manner of bitcoin-tx.
//
//   utxo-tx [options] <hex-tx>|-
//
// Decodes a transaction given as hex (or read from standard input when the
// argument is "-") and prints it as hex, as its txid, or as JSON.
#include <json/decode_tx.h>
#include <consensus/chain_params.h>
#include <json/tx_json.h>
#include <json/write.h>
#include <primitives/transaction.h>
#include <util/hex.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace {

// PACKAGE_VERSION comes from configure.
constexpr std::string_view TOOL_VERSION = PACKAGE_VERSION;

struct Options {
    bool json{false};
    bool txid{false};
    consensus::ChainType chain{consensus::ChainType::MAIN};
    std::optional<std::string> tx_arg;
};

void PrintHelp()
{
    std::printf(
        "utxo-tx %s\n\n"
        "Usage:  utxo-tx [options] <hex-tx>     decode a transaction\n"
        "        utxo-tx [options] -            read the hex transaction from standard input\n\n"
        "Options:\n"
        "  -?, -h, -help       Print this help message and exit\n"
        "  -version            Print version and exit\n"
        "  -json               Print the transaction as JSON (the fields of decoderawtransaction, plus hex)\n"
        "  -txid               Print only the transaction id\n\n"
        "Chain selection options (for addresses in -json output):\n"
        "  -chain=<chain>      main, test, testnet4, signet or regtest (default: main)\n"
        "  -regtest, -signet, -testnet, -testnet4   shorthands for -chain=<name>\n\n"
        "Without -json or -txid the transaction is printed as hex.\n"
        "Exit status: 0 on success, 1 on any error (printed to standard error).\n",
        std::string(TOOL_VERSION).c_str());
}

// Returns an error message, or empty on success; sets `exit_now` for -help/-version.
std::string ParseArgs(int argc, char** argv, Options& opts, bool& exit_now)
{
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.size() > 1 && arg[0] == '-' && arg[1] == '-') arg.erase(0, 1); // accept --name too
        if (arg == "-?" || arg == "-h" || arg == "-help") {
            PrintHelp();
            exit_now = true;
            return {};
        }
        if (arg == "-version") {
            std::printf("utxo-tx version v%s\n", std::string(TOOL_VERSION).c_str());
            exit_now = true;
            return {};
        }
        if (arg == "-json") {
            opts.json = true;
        } else if (arg == "-txid") {
            opts.txid = true;
        } else if (arg.rfind("-chain=", 0) == 0) {
            auto chain = consensus::ParseChainType(arg.substr(7));
            if (!chain) return "invalid -chain value '" + arg.substr(7) + "' (main, test, testnet4, signet or regtest)";
            opts.chain = *chain;
        } else if (arg == "-regtest") {
            opts.chain = consensus::ChainType::REGTEST;
        } else if (arg == "-testnet") {
            opts.chain = consensus::ChainType::TESTNET;
        } else if (arg == "-testnet4") {
            opts.chain = consensus::ChainType::TESTNET4;
        } else if (arg == "-signet") {
            opts.chain = consensus::ChainType::SIGNET;
        } else if (arg == "-" || arg[0] != '-') {
            if (opts.tx_arg) return "too many arguments: only one transaction can be decoded (got '" + arg + "')";
            opts.tx_arg = arg;
        } else {
            return "unknown option " + std::string(argv[i]);
        }
    }
    if (!opts.tx_arg) return "no transaction given (see utxo-tx -help)";
    return {};
}

std::string Trim(std::string text)
{
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.back())) text.pop_back();
    size_t start = 0;
    while (start < text.size() && is_space(text[start])) ++start;
    return text.substr(start);
}

} // namespace

int main(int argc, char** argv)
{
    Options opts;
    bool exit_now = false;
    if (const std::string error = ParseArgs(argc, argv, opts, exit_now); !error.empty()) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    if (exit_now) return 0;

    std::string hex = *opts.tx_arg;
    if (hex == "-") {
        hex.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        hex = Trim(std::move(hex));
    }
    auto tx = json::DecodeHexTransaction(hex);
    if (!tx) {
        std::fprintf(stderr, "error: %s\n", tx.error().c_str());
        return 1;
    }

    if (opts.json) {
        auto params = consensus::CreateChainParams(opts.chain);
        if (!params) {
            std::fprintf(stderr, "error: %s\n", params.error().c_str());
            return 1;
        }
        json::TxJsonOptions options;
        options.include_hex = true; // bitcoin-tx prints the hex too
        const auto object = json::TxToJson(*tx, params->addresses, options);
        std::printf("%s\n", json::WriteJson(object, 4).c_str());
    } else if (opts.txid) {
        std::printf("%s\n", tx->txid().ToHex().c_str());
    } else {
        std::printf("%s\n", util::HexStr(primitives::EncodeTransaction(*tx)).c_str());
    }
    return 0;
}
