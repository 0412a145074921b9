"""utxod's functional test framework: start utxod nodes in temporary data
directories, talk to them over JSON-RPC and through utxo-cli, and clean up."""
