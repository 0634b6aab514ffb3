// npq's exit statuses. Documented in the README; scripts rely on them, so never renumber.
#pragma once

namespace npq::cli {

constexpr int kExitOk = 0;         ///< no errors (and no warnings under --strict); or no change
constexpr int kExitFindings = 1;   ///< errors, warnings under --strict, a stale --check, a diff
constexpr int kExitUsage = 2;      ///< the command line is wrong
constexpr int kExitUnreadable = 3; ///< an input could not be read (missing, folder, permissions)
constexpr int kExitInternal = 4;   ///< a bug in npq: please report it

} // namespace npq::cli
