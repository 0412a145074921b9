#include "rpc_fixture.h"

#include <boost/test/unit_test.hpp>

using test::RpcFixture;

namespace {

void CheckReply(const rpc::HttpReply& reply, int status, const std::string& body)
{
    BOOST_CHECK_EQUAL(reply.status, status);
    BOOST_CHECK_EQUAL(reply.body, body);
}

} // namespace

BOOST_AUTO_TEST_SUITE(rpc_dispatch_tests)

BOOST_AUTO_TEST_CASE(legacy_replies_carry_result_error_and_id)
{
    RpcFixture f;
    CheckReply(f.Post(R"({"method":"getblockcount","params":[],"id":1})"), 200, "{\"result\":0,\"error\":null,\"id\":1}\n");
    // "jsonrpc":"1.0" means legacy too.
    CheckReply(f.Post(R"({"jsonrpc":"1.0","method":"getblockcount","id":"x"})"), 200,
               "{\"result\":0,\"error\":null,\"id\":\"x\"}\n");
    // A legacy error is also an HTTP error status.
    CheckReply(f.Post(R"({"method":"nosuch","id":1})"), 404,
               "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}\n");
    CheckReply(f.Post(R"({"method":"getblockhash","params":[5],"id":2})"), 500,
               "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"Block height out of range\"},\"id\":2}\n");
    // No id key: legacy requests are still answered, without an id.
    CheckReply(f.Post(R"({"method":"getblockcount"})"), 200, "{\"result\":0,\"error\":null}\n");
}

BOOST_AUTO_TEST_CASE(v2_replies_carry_one_of_result_or_error)
{
    RpcFixture f;
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockcount","id":7})"), 200,
               "{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":7}\n");
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"nosuch","id":null})"), 200,
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":null}\n");
    // A notification runs but is never answered.
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"stop"})"), 204, "");
    BOOST_CHECK_EQUAL(f.shutdown_requests, 1);
}

BOOST_AUTO_TEST_CASE(malformed_requests)
{
    RpcFixture f;
    CheckReply(f.Post("{not json"), 500, "{\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n");
    CheckReply(f.Post(""), 500, "{\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}\n");
    CheckReply(f.Post("42"), 500,
               "{\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Top-level object parse error\"}}\n");
    CheckReply(f.Post(R"({"id":3})"), 400,
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"Missing method\"},\"id\":3}\n");
    CheckReply(f.Post(R"({"id":3,"method":5})"), 400,
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"Method must be a string\"},\"id\":3}\n");
    CheckReply(f.Post(R"({"id":3,"method":"echo","params":"x"})"), 400,
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"Params must be an array or object\"},\"id\":3}\n");
    CheckReply(f.Post(R"({"jsonrpc":"3.0","method":"echo","id":4})"), 400,
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"JSON-RPC version not supported\"},\"id\":4}\n");
    CheckReply(f.Post(R"({"jsonrpc":2,"method":"echo","id":4})"), 400,
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"jsonrpc field must be a string\"},\"id\":4}\n");
}

BOOST_AUTO_TEST_CASE(batches)
{
    RpcFixture f;
    const auto reply = f.Post(R"([{"method":"getblockcount","id":1},)"
                              R"({"jsonrpc":"2.0","method":"getblockcount","id":2},)"
                              R"({"jsonrpc":"2.0","method":"getblockcount"},)"
                              R"({"method":"nosuch","id":3},)"
                              R"(17,)"
                              R"({"jsonrpc":"2.0","method":"nosuch","id":4}])");
    CheckReply(reply, 200,
               "[{\"result\":0,\"error\":null,\"id\":1},"
               "{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":2},"
               "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3},"
               "{\"result\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request object\"}},"
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":4}]\n");
    CheckReply(f.Post("[]"), 200, "[]\n");
    CheckReply(f.Post(R"([{"jsonrpc":"2.0","method":"getblockcount"},{"jsonrpc":"2.0","method":"uptime"}])"), 204, "");
}

BOOST_AUTO_TEST_CASE(warmup_answers_every_call_with_minus_28)
{
    RpcFixture f(/*warm=*/false);
    f.table.SetWarmupStatus("Loading block index…");
    CheckReply(f.Post(R"({"method":"getblockcount","id":1})"), 500,
               "{\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading block index…\"},\"id\":1}\n");
    f.table.SetWarmupFinished();
    CheckReply(f.Post(R"({"method":"getblockcount","id":1})"), 200, "{\"result\":0,\"error\":null,\"id\":1}\n");
}

BOOST_AUTO_TEST_CASE(parameters_named_and_checked)
{
    RpcFixture f;
    const std::string genesis = f.chain.genesis.GetHash().ToHex();
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":{"height":0},"id":1})"), 200,
               "{\"jsonrpc\":\"2.0\",\"result\":\"" + genesis + "\",\"id\":1}\n");
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":{"height":0,"foo":1},"id":1})"), 200,
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-8,\"message\":\"Unknown named parameter foo\"},\"id\":1}\n");
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":["0"],"id":1})"), 200,
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-3,\"message\":\"Wrong type passed:\\n{\\n    \\\"Position 1 "
               "(height)\\\": \\\"JSON value of type string is not of expected type number\\\"\\n}\"},\"id\":1}\n");
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":[-1],"id":1})"), 200,
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-8,\"message\":\"Block height out of range\"},\"id\":1}\n");
    CheckReply(f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":[0.5],"id":1})"), 200,
               "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-8,\"message\":\"Block height out of range\"},\"id\":1}\n");
    // A wrong count answers with the help text, code -1.
    const auto reply = f.Post(R"({"jsonrpc":"2.0","method":"getblockhash","params":[0,1],"id":1})");
    BOOST_CHECK(reply.body.starts_with("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-1,\"message\":\"getblockhash height\\n"));
}

BOOST_AUTO_TEST_CASE(control_methods)
{
    RpcFixture f;
    CheckReply(f.Post(R"({"method":"uptime","id":1})"), 200, "{\"result\":42,\"error\":null,\"id\":1}\n");
    CheckReply(f.Post(R"({"method":"echo","params":["a",1,null,{"b":[true]}],"id":1})"), 200,
               "{\"result\":[\"a\",1,null,{\"b\":[true]}],\"error\":null,\"id\":1}\n");
    CheckReply(f.Post(R"({"method":"getrpcinfo","id":1})"), 200,
               "{\"result\":{\"active_commands\":[{\"method\":\"getrpcinfo\",\"duration\":0}],"
               "\"logpath\":\"/tmp/regtest/debug.log\"},\"error\":null,\"id\":1}\n");
    CheckReply(f.Post(R"({"method":"stop","id":1})"), 200, "{\"result\":\"utxod stopping\",\"error\":null,\"id\":1}\n");
    BOOST_CHECK_EQUAL(f.shutdown_requests, 1);
    CheckReply(f.Post(R"({"method":"getmemoryinfo","params":["bogus"],"id":1})"), 500,
               "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"unknown mode bogus\"},\"id\":1}\n");
    BOOST_CHECK(f.Post(R"({"method":"getmemoryinfo","params":["mallocinfo"],"id":1})").body.find("<malloc") !=
                std::string::npos);
    CheckReply(f.Post(R"({"method":"getmemoryinfo","id":1})"), 200,
               "{\"result\":{\"locked\":{\"used\":0,\"free\":0,\"total\":0,\"locked\":0,\"chunks_used\":0,"
               "\"chunks_free\":0}},\"error\":null,\"id\":1}\n");
}

BOOST_AUTO_TEST_CASE(logging_method)
{
    RpcFixture f;
    BOOST_CHECK(!f.logger.WillLog(util::LogCategory::NET));
    const auto reply = f.Post(R"({"method":"logging","params":[["net","rpc"],["rpc"]],"id":1})");
    BOOST_CHECK_EQUAL(reply.status, 200);
    BOOST_CHECK(f.logger.WillLog(util::LogCategory::NET));
    BOOST_CHECK(!f.logger.WillLog(util::LogCategory::RPC));
    // Every category, sorted by name.
    BOOST_CHECK(reply.body.starts_with("{\"result\":{\"addrman\":false,\"bench\":false,"));
    BOOST_CHECK(reply.body.find("\"net\":true,") != std::string::npos);
    BOOST_CHECK(reply.body.find("\"rpc\":false,") != std::string::npos);
    CheckReply(f.Post(R"({"method":"logging","params":[["moon"]],"id":1})"), 500,
               "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"unknown logging category moon\"},\"id\":1}\n");
}

BOOST_AUTO_TEST_CASE(chain_and_network_info)
{
    RpcFixture f;
    const std::string genesis = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";
    CheckReply(f.Post(R"({"method":"getbestblockhash","id":1})"), 200,
               "{\"result\":\"" + genesis + "\",\"error\":null,\"id\":1}\n");
    CheckReply(f.Post(R"({"method":"getblockchaininfo","id":1})"), 200,
               "{\"result\":{\"chain\":\"regtest\",\"blocks\":0,\"headers\":0,\"bestblockhash\":\"" + genesis +
                   "\",\"bits\":\"207fffff\",\"target\":"
                   "\"7fffff0000000000000000000000000000000000000000000000000000000000\","
                   "\"difficulty\":4.656542373906925e-10,\"time\":1296688602,\"mediantime\":1296688602,"
                   "\"verificationprogress\":1,\"initialblockdownload\":true,\"chainwork\":"
                   "\"0000000000000000000000000000000000000000000000000000000000000002\",\"size_on_disk\":293,"
                   "\"pruned\":false,\"warnings\":[]},\"error\":null,\"id\":1}\n");
    const auto network = f.Post(R"({"method":"getnetworkinfo","id":1})").body;
    BOOST_CHECK(network.starts_with("{\"result\":{\"version\":100,\"subversion\":\"/utxod:0.1.0/\","
                                    "\"protocolversion\":70016,\"localservices\":\"0000000000000409\","));
    BOOST_CHECK(network.find("\"relayfee\":0.00001000,\"incrementalfee\":0.00001000,") != std::string::npos);
    BOOST_CHECK(network.find("\"connections\":0,") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
