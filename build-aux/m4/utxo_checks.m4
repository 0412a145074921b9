dnl UTXO_CHECK_CXX_FLAG(FLAGS, [ACTION-IF-OK], [ACTION-IF-NOT])
dnl Tries to compile and link an empty C++ program with FLAGS added.
AC_DEFUN([UTXO_CHECK_CXX_FLAG], [
  AC_MSG_CHECKING([whether $CXX accepts $1])
  utxo_save_CXXFLAGS=$CXXFLAGS
  utxo_save_LDFLAGS=$LDFLAGS
  CXXFLAGS="$CXXFLAGS $1"
  LDFLAGS="$LDFLAGS $1"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([], [])],
    [AC_MSG_RESULT([yes]); $2], [AC_MSG_RESULT([no]); $3])
  CXXFLAGS=$utxo_save_CXXFLAGS
  LDFLAGS=$utxo_save_LDFLAGS
])

dnl UTXO_REQUIRE_CXX20: adds -std=c++20 to CXX and checks the features we rely on.
AC_DEFUN([UTXO_REQUIRE_CXX20], [
  CXX="$CXX -std=c++20"
  AC_MSG_CHECKING([whether $CXX supports C++20])
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include <span>
#include <concepts>
#include <bit>
template <std::integral T> constexpr T Twice(T v) { return v * 2; }
]], [[
  static_assert(Twice(2) == 4);
  static_assert(std::endian::native == std::endian::little || std::endian::native == std::endian::big);
  unsigned char buf[2]{};
  std::span<unsigned char> s{buf};
  return static_cast<int>(s.size()) - 2;
]])], [AC_MSG_RESULT([yes])],
    [AC_MSG_RESULT([no]); AC_MSG_ERROR([a C++20 compiler is needed: apt-get install g++ (g++ 12 or newer)])])
])
