#pragma once
// The keys a policy file may use, per section. The loader accepts exactly these; a unit test
// checks that docs/policy.schema.json lists the same ones.
#include <array>
#include <string_view>

namespace cloudpact::policy_keys {

inline constexpr std::array<std::string_view, 7> kTop = {"version",   "contracts",    "providers", "clouds",
                                                         "workloads", "destinations", "extensions"};
inline constexpr std::array<std::string_view, 6> kContract = {"provider", "clouds",  "regions",
                                                              "severity", "include", "exclude"};
inline constexpr std::array<std::string_view, 3> kProvider = {"pattern", "provider", "description"};
inline constexpr std::array<std::string_view, 5> kCloud = {"host", "cloud", "service", "path", "implies-provider"};
inline constexpr std::array<std::string_view, 3> kDestination = {"name", "kind", "description"};
inline constexpr std::array<std::string_view, 4> kDestinationKinds = {"cloud", "provider-api", "aggregator", "self-hosted"};
inline constexpr std::array<std::string_view, 3> kWorkload = {"workload", "sources", "cloud"};


// extensions: rows added to the C++ frontend's tables, one list per table, with the tables'
// columns (lib/Cxx/*Table.def); the kinds each table accepts.
inline constexpr std::array<std::string_view, 1> kExtensions = {"cxx"};
inline constexpr std::array<std::string_view, 4> kCxxTables = {"sinks", "apis", "summaries", "sources"};
inline constexpr std::array<std::string_view, 7> kCxxSink = {"namespace", "class", "subtypes", "method",
                                                             "input",     "kind",  "cloud"};
inline constexpr std::array<std::string_view, 3> kCxxApi = {"namespace", "class", "label"};
inline constexpr std::array<std::string_view, 7> kCxxSummary = {"namespace", "class",  "subtypes", "method",
                                                                "input",     "output", "kind"};
inline constexpr std::array<std::string_view, 6> kCxxSource = {"namespace", "class", "method",
                                                               "input",     "kind",  "phrase"};
inline constexpr std::array<std::string_view, 5> kCxxSinkKinds = {"model", "endpoint", "region", "cloud", "sigv4"};
inline constexpr std::array<std::string_view, 8> kCxxSummaryKinds = {"value",     "setter", "alias", "construct",
                                                                     "format",    "json",   "value_type",
                                                                     "handle"};
inline constexpr std::array<std::string_view, 1> kCxxSourceKinds = {"env"};

} // namespace cloudpact::policy_keys
