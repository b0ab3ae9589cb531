// SPDX-License-Identifier: Apache-2.0
// Sanitizers.hpp - PAR_ADDRESS_SANITIZER: 1 when this file is compiled under AddressSanitizer, else
// 0. GCC says so with __SANITIZE_ADDRESS__, Clang (14, which the sanitizer and fuzzing build uses)
// only through __has_feature(address_sanitizer). Code that must behave otherwise under the
// sanitizer (its own allocator, terabytes of reserved address space) asks this, not either
// compiler's spelling.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define PAR_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PAR_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef PAR_ADDRESS_SANITIZER
#define PAR_ADDRESS_SANITIZER 0
#endif
