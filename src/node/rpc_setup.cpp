#include <node/rpc_setup.h>

#include <node/options.h>
#include <node/version.h>
#include <rpc/auth.h>
#include <rpc/blockchain.h>
#include <rpc/mining.h>
#include <rpc/context.h>
#include <rpc/control.h>
#include <rpc/http_handler.h>
#include <rpc/network.h>
#include <rpc/rawtransaction.h>
#include <rpc/table.h>
#include <util/host_port.h>


namespace node {

util::Result<http::Endpoint> ParseEndpoint(const std::string& text, uint16_t default_port)
{
    const auto split = util::SplitHostPort(text);
    if (!split) return util::Error{"Invalid port specified in -rpcbind: '" + text + "'"};
    if (split->host.empty()) return util::Error{"Invalid address in -rpcbind: '" + text + "'"};
    return http::Endpoint{split->host, split->port != 0 ? split->port : default_port};
}

util::Result<http::ServerOptions> HttpOptionsFromArgs(const util::Args& args, uint16_t rpc_port, util::Logger& logger)
{
    http::ServerOptions options;
    // Loopback is always allowed; -rpcallowip adds to it.
    for (const char* loopback : {"127.0.0.0/8", "::1"}) options.allowed.push_back(*util::Subnet::Parse(loopback));
    const auto allow = args.GetAll("rpcallowip");
    for (const std::string& text : allow) {
        auto subnet = util::Subnet::Parse(text);
        if (!subnet) {
            return util::Error{"Invalid -rpcallowip subnet specification: " + text +
                               ". Valid values are a single IP (e.g. 1.2.3.4), a network/netmask (e.g. "
                               "1.2.3.4/255.255.255.0), or a network/CIDR (e.g. 1.2.3.4/24)."};
        }
        options.allowed.push_back(*subnet);
    }
    const auto bind = args.GetAll("rpcbind");
    // Opening the port to other hosts takes both options, so neither alone
    // exposes the node by accident.
    if (allow.empty() || bind.empty()) {
        options.bind = {{"::1", rpc_port}, {"127.0.0.1", rpc_port}};
        if (!allow.empty()) {
            logger.Log(util::LogLevel::Warning, "option -rpcallowip was specified without -rpcbind; this doesn't usually make sense");
        }
        if (!bind.empty()) {
            logger.Log(util::LogLevel::Warning, "option -rpcbind was ignored because -rpcallowip was not specified, "
                                                "refusing to allow everyone to connect");
        }
    } else {
        for (const std::string& text : bind) {
            auto endpoint = ParseEndpoint(text, rpc_port);
            if (!endpoint) return util::Error{endpoint.error()};
            options.bind.push_back(*endpoint);
        }
    }
    options.worker_threads = static_cast<int>(*args.GetInt("rpcthreads", DEFAULT_RPC_THREADS));
    options.work_queue_depth = static_cast<size_t>(*args.GetInt("rpcworkqueue", DEFAULT_RPC_WORKQUEUE));
    options.idle_timeout_seconds = static_cast<int>(*args.GetInt("rpcservertimeout", DEFAULT_RPC_SERVER_TIMEOUT));
    return options;
}

util::Result<std::unique_ptr<RpcServer>> RpcServer::Start(const RpcSetup& setup)
{
    const util::Args& args = setup.args;
    std::unique_ptr<RpcServer> server(new RpcServer());
    server->m_logger = &setup.logger;

    std::optional<std::string> user_colon_password;
    const std::string password = args.Get("rpcpassword", "");
    if (!password.empty()) {
        user_colon_password = args.Get("rpcuser", "") + ":" + password;
    } else if (!args.IsNegated("rpccookiefile")) {
        const std::filesystem::path file(args.Get("rpccookiefile", ".cookie"));
        const auto path = file.is_absolute() ? file : setup.network_dir / file;
        auto cookie = rpc::GenerateAuthCookie(path);
        if (!cookie) return util::Error{cookie.error()};
        server->m_cookie_path = path;
        user_colon_password = *cookie;
        setup.logger.Log(util::LogLevel::Info, "Generated RPC authentication cookie " + path.string());
    }
    const auto rpcauth = args.GetAll("rpcauth");
    if (!user_colon_password && rpcauth.empty()) {
        setup.logger.Log(util::LogLevel::Warning, "No RPC credentials: the cookie is disabled and no -rpcpassword or "
                                                  "-rpcauth is set, so every RPC call will be refused");
    }
    auto authenticator = rpc::Authenticator::Create(user_colon_password, rpcauth);
    if (!authenticator) return util::Error{authenticator.error()};
    server->m_authenticator = std::make_unique<rpc::Authenticator>(std::move(*authenticator));

    server->m_table = std::make_unique<rpc::RpcTable>();
    rpc::RegisterControlMethods(*server->m_table);
    rpc::RegisterBlockchainMethods(*server->m_table);
    rpc::RegisterMiningMethods(*server->m_table);
    rpc::RegisterRawTransactionMethods(*server->m_table);
    rpc::RegisterNetworkMethods(*server->m_table);
    rpc::RegisterAddressMethods(*server->m_table);
    server->m_table->SetWarmupStatus("Loading");
    server->m_context.reset(new rpc::RpcContext{setup.services, *server->m_table, setup.logger, setup.clock,
                                                setup.chain, setup.start_time_micros, setup.log_path,
                                                setup.request_shutdown, UserAgent(args.GetAll("uacomment")),
                                                RPC_INTERFACE_VERSION});

    auto port = args.GetInt("rpcport", setup.chain.default_rpc_port);
    auto options = HttpOptionsFromArgs(args, static_cast<uint16_t>(*port), setup.logger);
    if (!options) return util::Error{options.error()};
    const rpc::HttpHandlerOptions handler_options{.log_ips = args.GetBool("logips", false)};
    const auto handler = [raw = server.get(), handler_options](http::Request& request) {
        rpc::ServeJsonRpc(request, *raw->m_authenticator, *raw->m_table, *raw->m_context, handler_options);
    };
    // Wallet endpoints share the table until there is a wallet.
    std::vector<http::Route> routes{{"/", /*exact_match=*/true, handler}, {"/wallet/", /*exact_match=*/false, handler}};
    auto http = http::Server::Start(std::move(*options), setup.logger, std::move(routes));
    if (!http) return util::Error{http.error()};
    server->m_http = std::move(*http);
    setup.logger.Log(util::LogLevel::Info, "Starting HTTP RPC server");
    return server;
}

RpcServer::~RpcServer()
{
    if (m_http) {
        m_logger->Log(util::LogLevel::Info, "Stopping HTTP server");
        m_http->Interrupt();
        m_http->Stop();
    }
    if (!m_cookie_path.empty()) rpc::DeleteAuthCookie(m_cookie_path);
}

void RpcServer::FinishWarmup() { m_table->SetWarmupFinished(); }

} // namespace node
