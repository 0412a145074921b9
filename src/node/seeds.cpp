#include <node/seeds.h>

namespace node {
namespace {

// Long-lived nodes, at most one per /16, taken from Bitcoin Core's
// contrib/seeds/nodes_main.txt, nodes_testnet4.txt and nodes_signet.txt
// (2025): public node addresses, facts about the network. Core's testnet3
// list is empty, and so is ours.
const char* const MAINNET[] = {
    "2.39.163.191",
    "3.9.188.44",
    "5.2.23.226",
    "5.45.72.11",
    "5.128.87.126",
    "8.209.70.77",
    "14.203.57.50",
    "15.235.82.178",
    "18.183.87.240",
    "20.89.243.139",
    "23.134.94.82",
    "24.6.89.155",
    "27.148.206.140",
    "31.19.205.19",
    "35.170.77.206",
    "37.60.246.82",
    "38.38.192.248",
    "40.160.13.7",
    "43.159.61.16",
    "45.45.27.233",
    "46.10.211.143",
    "47.12.228.122",
    "50.4.18.90",
    "51.154.26.11",
    "58.229.105.38",
    "59.188.108.150",
    "62.12.168.100",
    "64.20.45.42",
    "66.18.13.162",
    "67.145.204.18",
    "68.39.190.185",
    "69.4.94.226",
    "70.35.98.12",
    "72.18.53.189",
    "73.35.246.175",
    "74.73.229.148",
    "76.113.120.246",
    "77.33.144.156",
    "78.30.57.78",
    "79.54.240.124",
    "80.60.120.119",
    "81.7.17.202",
    "82.10.250.130",
    "83.49.10.227",
    "84.32.248.63",
    "85.14.79.26",
    "86.41.130.108",
    "87.120.8.239",
    "88.85.88.133",
    "89.1.104.97",
};

const char* const TESTNET4[] = {
    "2.59.134.244",
    "5.182.4.106",
    "31.220.30.248",
    "34.232.194.104",
    "35.201.167.154",
    "38.102.86.40",
    "45.41.204.8",
    "45.50.223.112",
    "45.94.168.5",
    "51.158.61.33",
    "52.6.23.153",
    "54.76.27.166",
    "62.84.190.200",
    "65.108.143.22",
    "67.81.240.18",
    "67.213.127.87",
    "69.26.129.172",
    "70.95.111.216",
    "71.13.92.62",
    "71.183.49.199",
    "74.133.9.162",
    "80.253.94.252",
    "82.67.102.15",
    "89.58.9.219",
    "94.183.188.204",
    "95.141.35.117",
    "96.79.5.26",
    "103.69.87.64",
    "103.99.169.203",
    "103.165.192.201",
};

const char* const SIGNET[] = {
    "34.135.189.101",
    "34.254.97.244",
    "35.196.2.204",
    "35.217.13.118",
    "37.120.177.204",
    "38.83.170.18",
    "44.192.76.239",
    "45.94.168.5",
    "49.13.117.253",
    "50.21.167.167",
    "50.39.245.228",
    "51.79.229.113",
    "54.238.1.46",
    "62.169.29.181",
    "69.62.125.171",
    "71.222.12.41",
    "76.13.109.147",
    "82.65.129.71",
    "88.209.210.230",
    "89.58.37.164",
    "95.141.35.117",
    "109.94.97.143",
    "109.134.172.160",
    "121.74.232.175",
    "129.226.149.150",
};

template <size_t N>
std::vector<net::Service> Services(const char* const (&list)[N], uint16_t port)
{
    std::vector<net::Service> out;
    for (const char* text : list) {
        if (auto address = net::NetAddress::Parse(text)) out.push_back({*address, port});
    }
    return out;
}

} // namespace

std::vector<std::string> DnsSeeds(consensus::ChainType type)
{
    // Bitcoin Core's seeds per network (kernel/chainparams.cpp).
    switch (type) {
    case consensus::ChainType::MAIN:
        return {"seed.bitcoin.sipa.be",       "dnsseed.bluematt.me",      "seed.bitcoin.jonasschnelli.ch",
                "seed.btc.petertodd.net",     "seed.bitcoin.sprovoost.nl", "dnsseed.emzy.de",
                "seed.bitcoin.wiz.biz",       "seed.mainnet.achownodes.xyz"};
    case consensus::ChainType::TESTNET:
        return {"testnet-seed.bitcoin.jonasschnelli.ch", "seed.tbtc.petertodd.net", "seed.testnet.bitcoin.sprovoost.nl",
                "testnet-seed.bluematt.me", "seed.testnet.achownodes.xyz"};
    case consensus::ChainType::TESTNET4: return {"seed.testnet4.bitcoin.sprovoost.nl", "seed.testnet4.wiz.biz"};
    case consensus::ChainType::SIGNET: return {"seed.signet.bitcoin.sprovoost.nl", "seed.signet.achownodes.xyz"};
    case consensus::ChainType::REGTEST: break;
    }
    return {};
}

std::vector<net::Service> FixedSeeds(consensus::ChainType type)
{
    switch (type) {
    case consensus::ChainType::MAIN: return Services(MAINNET, 8333);
    case consensus::ChainType::TESTNET4: return Services(TESTNET4, 48333);
    case consensus::ChainType::SIGNET: return Services(SIGNET, 38333);
    case consensus::ChainType::TESTNET:
    case consensus::ChainType::REGTEST: break;
    }
    return {};
}

} // namespace node
