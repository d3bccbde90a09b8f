#pragma once
// Tree-sitter queries of lib/Terraform/queries/*.scm, embedded at build and compiled once.
#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cloudpact::terraform {

struct QueryMatch {
  std::vector<std::pair<std::string, TSNode>> captures;
  /// The first node captured as `name`, or a null node.
  TSNode get(std::string_view name) const;
};

class Query {
public:
  /// The compiled query `name` (file name without .scm). A bad or unknown query aborts with
  /// `queries/<name>.scm:<offset>: <problem>`: queries are part of the program.
  static const Query &get(const std::string &name);
  /// Matches under `node`, predicates (#eq? #not-eq? #any-of? #match?) applied. Patterns start
  /// at most `maxStartDepth` levels below `node` (0: at `node` itself, which spares walking the
  /// whole tree for patterns rooted there). The default is deeper than any expression the
  /// evaluator reads, and keeps a hostile nesting from costing time quadratic in its depth
  /// (the query cursor's work per node grows with the depth).
  static constexpr uint32_t kDeepestStart = 1024;
  std::vector<QueryMatch> run(TSNode node, std::string_view source, uint32_t maxStartDepth = kDeepestStart) const;

  ~Query();
  Query(const Query &) = delete;
  Query &operator=(const Query &) = delete;

private:
  Query() = default;
  struct Predicate {
    std::string op;      // eq? not-eq? any-of? match?
    std::string capture; // first argument
    std::vector<std::string> args; // strings (or "@capture" for a second capture)
  };
  TSQuery *query_ = nullptr;
  std::vector<std::vector<Predicate>> predicates_; // per pattern
  friend std::string compileQuery(const std::string &, const std::string &, Query *&);
};

/// Names of every embedded query.
std::vector<std::string> queryNames();
/// Compiles every embedded query; returns problems as "queries/<name>.scm:<offset>: <message>".
std::vector<std::string> checkQueries();

} // namespace cloudpact::terraform
