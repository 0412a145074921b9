// banlist.json: Core's layout, round trips, what is dropped and what is an
// error, and the file on disk.
#include <node/banlist_json.h>

#include <test_temp_dir.h>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>
#include <vector>

using net::BanEntry;

namespace {

constexpr int64_t NOW = 1'700'000'000;

util::Subnet Net(const std::string& text) { return util::Subnet::Parse(text).value(); }

std::string ParseError(const std::string& text)
{
    const auto parsed = node::ParseBanListJson(text);
    return parsed ? std::string("ok") : parsed.error();
}

std::string Entry(const std::string& fields) { return R"({"banned_nets": [)" + fields + "]}"; }

} // namespace

BOOST_AUTO_TEST_SUITE(banlist_json_tests)

BOOST_AUTO_TEST_CASE(core_layout)
{
    const std::vector<BanEntry> entries{{Net("1.2.3.0/24"), NOW, NOW + 86400}, {Net("2001:db8::1"), NOW + 1, NOW + 2}};
    BOOST_CHECK_EQUAL(node::BanListToJson(entries), R"({
    "banned_nets": [
        {
            "version": 1,
            "ban_created": 1700000000,
            "banned_until": 1700086400,
            "address": "1.2.3.0/24"
        },
        {
            "version": 1,
            "ban_created": 1700000001,
            "banned_until": 1700000002,
            "address": "2001:db8::1/128"
        }
    ]
}
)");
    BOOST_CHECK_EQUAL(node::BanListToJson({}), "{\n    \"banned_nets\": [\n    ]\n}\n");

    const auto parsed = node::ParseBanListJson(node::BanListToJson(entries));
    BOOST_REQUIRE(parsed);
    BOOST_CHECK(parsed->entries == entries);
    BOOST_CHECK(parsed->dropped.empty());
    BOOST_CHECK(parsed->found);
}

BOOST_AUTO_TEST_CASE(reads_what_core_writes)
{
    // Key order and spacing do not matter; single addresses become /32.
    const auto parsed = node::ParseBanListJson(R"({"banned_nets":[
        {"address":"10.0.0.1","banned_until":1700086400,"ban_created":1700000000,"version":1},
        {"version":1,"ban_created":0,"banned_until":9223372036854775807,"address":"fd00::/8"}]})");
    BOOST_REQUIRE_MESSAGE(parsed, (parsed ? "" : parsed.error()));
    BOOST_REQUIRE_EQUAL(parsed->entries.size(), 2u);
    BOOST_CHECK(parsed->entries[0] == (BanEntry{Net("10.0.0.1/32"), NOW, NOW + 86400}));
    BOOST_CHECK_EQUAL(parsed->entries[1].subnet.ToString(), "fd00::/8");
    BOOST_CHECK_EQUAL(parsed->entries[1].banned_until, INT64_MAX);
    BOOST_CHECK(node::ParseBanListJson(R"({"banned_nets": []})")->entries.empty());
}

BOOST_AUTO_TEST_CASE(drops_like_core)
{
    // Another version, or an address we cannot parse: dropped, not fatal.
    const auto parsed = node::ParseBanListJson(Entry(
        R"({"version": 2, "whatever": true},
           {"version": 1, "ban_created": 1, "banned_until": 2, "address": "example.com"},
           {"version": 1, "ban_created": 1, "banned_until": 2, "address": "1.2.3.4/33"},
           {"version": 1, "ban_created": 1, "banned_until": 2, "address": "5.6.7.8"})"));
    BOOST_REQUIRE(parsed);
    BOOST_REQUIRE_EQUAL(parsed->entries.size(), 1u);
    BOOST_CHECK_EQUAL(parsed->entries[0].subnet.ToString(), "5.6.7.8/32");
    BOOST_REQUIRE_EQUAL(parsed->dropped.size(), 3u);
    BOOST_CHECK_EQUAL(parsed->dropped[0], "entry 0: unknown version 2");
    BOOST_CHECK_EQUAL(parsed->dropped[1], "entry 1: example.com is not a valid subnet");
    BOOST_CHECK_EQUAL(parsed->dropped[2], "entry 2: 1.2.3.4/33 is not a valid subnet");
}

BOOST_AUTO_TEST_CASE(malformed_files)
{
    BOOST_CHECK(ParseError("").starts_with("not valid JSON ("));
    BOOST_CHECK(ParseError("{\"banned_nets\": [").starts_with("not valid JSON ("));
    BOOST_CHECK(ParseError("{} trailing").starts_with("not valid JSON ("));
    BOOST_CHECK_EQUAL(ParseError("[]"), "not a JSON object");
    BOOST_CHECK_EQUAL(ParseError("{}"), "no \"banned_nets\" array");
    BOOST_CHECK_EQUAL(ParseError(R"({"banned_nets": {}})"), "no \"banned_nets\" array");
    BOOST_CHECK_EQUAL(ParseError(Entry("1")), "entry 0 is not an object");
    BOOST_CHECK_EQUAL(ParseError(Entry("{}")), "entry 0: \"version\" is missing or not an integer");
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": "1"})")), "entry 0: \"version\" is missing or not an integer");
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": 1.5})")), "entry 0: \"version\" is missing or not an integer");
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": 1, "ban_created": 1, "banned_until": 2})")),
                      "entry 0: \"address\" is missing or not a string");
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": 1, "banned_until": 2, "address": "1.2.3.4"})")),
                      "entry 0: \"ban_created\" is missing or not an integer");
    BOOST_CHECK_EQUAL(
        ParseError(Entry(R"({"version": 1, "ban_created": 1, "banned_until": "2", "address": "1.2.3.4"})")),
        "entry 0: \"banned_until\" is missing or not an integer");
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": 1, "ban_created": 1, "banned_until": 18446744073709551615,
                                           "address": "1.2.3.4"})")),
                      "entry 0: \"banned_until\" is missing or not an integer");
    // The first bad entry is named, even after good ones.
    BOOST_CHECK_EQUAL(ParseError(Entry(R"({"version": 1, "ban_created": 1, "banned_until": 2, "address": "1.2.3.4"},
                                           null)")),
                      "entry 1 is not an object");
}

BOOST_AUTO_TEST_CASE(file_on_disk)
{
    test::TempDir dir;
    const auto path = dir.path / "banlist.json";

    // No file: an empty list, not an error.
    const auto none = node::ReadBanListFile(path);
    BOOST_REQUIRE(none);
    BOOST_CHECK(!none->found);
    BOOST_CHECK(none->entries.empty());

    const std::vector<BanEntry> entries{{Net("1.2.3.0/24"), NOW, NOW + 86400}};
    BOOST_REQUIRE(node::WriteBanListFile(path, entries));
    BOOST_CHECK(!std::filesystem::exists(dir.path / "banlist.json.tmp"));
    const auto read = node::ReadBanListFile(path);
    BOOST_REQUIRE(read);
    BOOST_CHECK(read->found);
    BOOST_CHECK(read->entries == entries);

    // Replaced whole.
    BOOST_REQUIRE(node::WriteBanListFile(path, {}));
    BOOST_CHECK(node::ReadBanListFile(path)->entries.empty());

    // A damaged file: an error naming the file.
    { std::ofstream(path) << "{\"banned_nets\": [{\"version\": 1,"; }
    const auto damaged = node::ReadBanListFile(path);
    BOOST_REQUIRE(!damaged);
    BOOST_CHECK(damaged.error().starts_with(path.string() + ": not valid JSON"));

    // A directory that does not exist: an error, nothing left behind.
    const auto failed = node::WriteBanListFile(dir.path / "missing" / "banlist.json", entries);
    BOOST_REQUIRE(!failed);
    BOOST_CHECK(failed.error().starts_with("Unable to open "));
}

BOOST_AUTO_TEST_SUITE_END()
