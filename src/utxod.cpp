// utxod: the full node daemon. Everything happens in node::AppMain.
#include <node/init.h>

int main(int argc, char** argv) { return node::AppMain(argc, argv); }
