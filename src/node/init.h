// utxod from command line to exit code: option parsing, the data directory,
// logging, the RPC server, waiting for a shutdown request, clean shutdown.
#ifndef UTXO_NODE_INIT_H
#define UTXO_NODE_INIT_H

namespace node {

// The whole life of the daemon. Returns the process exit code: 0 after a
// clean shutdown (or -help/-version), 1 when start-up fails, with one
// "Error: ..." line on stderr.
int AppMain(int argc, char** argv);

} // namespace node

#endif // UTXO_NODE_INIT_H
