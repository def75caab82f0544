# Warnings are errors for our own targets: a clean build is part of the contract.
add_library(oncnav_warnings INTERFACE)
target_compile_options(oncnav_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Werror)
# GCC 12 (Debian bookworm) can report a false -Wrestrict inside std::string's operator+ when it
# inlines deeply (GCC bug 105651, fixed in GCC 13); see also CMAKE_CXX_FLAGS_RELEASE.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(oncnav_warnings INTERFACE -Wno-restrict)
endif()

if(ONCNAV_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  # Lets long property tests run a smaller sample under the (much slower) sanitizers.
  add_compile_definitions(ONCNAV_SANITIZED=1)
endif()
