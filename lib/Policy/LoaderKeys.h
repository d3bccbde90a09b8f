#pragma once
// The keys a policy file may use, per section. The loader accepts exactly these; a unit test
// checks that docs/policy.schema.json lists the same ones.
#include <array>
#include <string_view>

namespace cloudpact::policy_keys {

inline constexpr std::array<std::string_view, 5> kTop = {"version", "contracts", "providers", "clouds", "workloads"};
inline constexpr std::array<std::string_view, 6> kContract = {"provider", "clouds",  "regions",
                                                              "severity", "include", "exclude"};
inline constexpr std::array<std::string_view, 3> kProvider = {"pattern", "provider", "description"};
inline constexpr std::array<std::string_view, 5> kCloud = {"host", "cloud", "service", "path", "implies-provider"};
inline constexpr std::array<std::string_view, 3> kWorkload = {"workload", "sources", "cloud"};

} // namespace cloudpact::policy_keys
