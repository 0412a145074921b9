#!/bin/sh
# Generates ./configure and the Makefile.in templates from configure.ac and Makefile.am.
set -e
srcdir=$(dirname "$0")
cd "$srcdir"
mkdir -p build-aux/m4
autoreconf --install --force --warnings=all,no-portability
