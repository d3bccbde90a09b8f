#include "Terraform/Query.h"

#include "Syntax/TreeSitter.h"

#include <re2/re2.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

namespace cloudpact::terraform {

namespace {
struct EmbeddedQuery {
  const char *name;
  const char *source;
};
// Generated from queries/*.scm at configure time.
#include "Terraform/Queries.inc"

const char *errorName(TSQueryError error) {
  switch (error) {
  case TSQueryErrorSyntax: return "syntax error";
  case TSQueryErrorNodeType: return "unknown node type";
  case TSQueryErrorField: return "unknown field";
  case TSQueryErrorCapture: return "unknown capture";
  case TSQueryErrorStructure: return "impossible pattern structure";
  case TSQueryErrorLanguage: return "language mismatch";
  default: return "error";
  }
}
} // namespace

std::string compileQuery(const std::string &name, const std::string &source, Query *&out) {
  out = nullptr;
  uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  TSQuery *query = ts_query_new(tree_sitter_hcl(), source.data(), static_cast<uint32_t>(source.size()), &offset, &error);
  std::string where = "queries/" + name + ".scm:" + std::to_string(offset) + ": ";
  if (!query)
    return where + errorName(error);
  std::unique_ptr<Query> result(new Query());
  result->query_ = query;
  uint32_t patterns = ts_query_pattern_count(query);
  result->predicates_.resize(patterns);
  for (uint32_t p = 0; p < patterns; ++p) {
    uint32_t count = 0;
    const TSQueryPredicateStep *steps = ts_query_predicates_for_pattern(query, p, &count);
    std::vector<const TSQueryPredicateStep *> current;
    for (uint32_t i = 0; i < count; ++i) {
      if (steps[i].type != TSQueryPredicateStepTypeDone) {
        current.push_back(&steps[i]);
        continue;
      }
      if (current.empty() || current[0]->type != TSQueryPredicateStepTypeString)
        return "queries/" + name + ".scm: malformed predicate";
      uint32_t len = 0;
      Query::Predicate predicate;
      predicate.op = ts_query_string_value_for_id(query, current[0]->value_id, &len);
      if (predicate.op != "eq?" && predicate.op != "not-eq?" && predicate.op != "any-of?" && predicate.op != "match?")
        return "queries/" + name + ".scm: unknown predicate #" + predicate.op;
      if (current.size() < 3 || current[1]->type != TSQueryPredicateStepTypeCapture)
        return "queries/" + name + ".scm: #" + predicate.op + " needs a capture and a value";
      predicate.capture = ts_query_capture_name_for_id(query, current[1]->value_id, &len);
      for (size_t a = 2; a < current.size(); ++a) {
        if (current[a]->type == TSQueryPredicateStepTypeCapture)
          predicate.args.push_back(std::string("@") + ts_query_capture_name_for_id(query, current[a]->value_id, &len));
        else
          predicate.args.push_back(ts_query_string_value_for_id(query, current[a]->value_id, &len));
      }
      if (predicate.op == "match?" && !RE2(predicate.args[0]).ok())
        return "queries/" + name + ".scm: bad regular expression in #match?";
      result->predicates_[p].push_back(std::move(predicate));
      current.clear();
    }
  }
  out = result.release();
  return {};
}

Query::~Query() {
  if (query_)
    ts_query_delete(query_);
}

const Query &Query::get(const std::string &name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Query>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(name); it != cache.end())
    return *it->second;
  for (const EmbeddedQuery &embedded : kQueries) {
    if (name != embedded.name)
      continue;
    Query *query = nullptr;
    std::string problem = compileQuery(name, embedded.source, query);
    if (!query) {
      std::fprintf(stderr, "cloudpact: internal error: %s\n", problem.c_str());
      std::abort();
    }
    return *(cache[name] = std::unique_ptr<Query>(query));
  }
  std::fprintf(stderr, "cloudpact: internal error: no query named %s\n", name.c_str());
  std::abort();
}

TSNode QueryMatch::get(std::string_view name) const {
  for (const auto &capture : captures)
    if (capture.first == name)
      return capture.second;
  return TSNode{};
}

std::vector<QueryMatch> Query::run(TSNode node, std::string_view source, uint32_t maxStartDepth) const {
  std::vector<QueryMatch> out;
  TSQueryCursor *cursor = ts_query_cursor_new();
  ts_query_cursor_set_max_start_depth(cursor, maxStartDepth);
  ts_query_cursor_exec(cursor, query_, node);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    QueryMatch result;
    for (uint16_t i = 0; i < match.capture_count; ++i) {
      uint32_t len = 0;
      const char *name = ts_query_capture_name_for_id(query_, match.captures[i].index, &len);
      result.captures.emplace_back(std::string(name, len), match.captures[i].node);
    }
    auto textOf = [&](const std::string &capture) -> std::string {
      TSNode n = result.get(capture);
      return ts_node_is_null(n) ? std::string() : std::string(syntax::textOf(source, n));
    };
    bool ok = true;
    for (const Predicate &predicate : predicates_[match.pattern_index]) {
      std::string subject = textOf(predicate.capture);
      auto argText = [&](const std::string &arg) { return arg.size() > 1 && arg[0] == '@' ? textOf(arg.substr(1)) : arg; };
      if (predicate.op == "eq?")
        ok = subject == argText(predicate.args[0]);
      else if (predicate.op == "not-eq?")
        ok = subject != argText(predicate.args[0]);
      else if (predicate.op == "any-of?") {
        ok = false;
        for (const std::string &arg : predicate.args)
          ok = ok || subject == arg;
      } else if (predicate.op == "match?")
        ok = RE2::PartialMatch(subject, RE2(predicate.args[0]));
      if (!ok)
        break;
    }
    if (ok)
      out.push_back(std::move(result));
  }
  ts_query_cursor_delete(cursor);
  return out;
}

std::vector<std::string> queryNames() {
  std::vector<std::string> names;
  for (const EmbeddedQuery &embedded : kQueries)
    names.push_back(embedded.name);
  return names;
}

std::vector<std::string> checkQueries() {
  std::vector<std::string> problems;
  for (const EmbeddedQuery &embedded : kQueries) {
    Query *query = nullptr;
    std::string problem = compileQuery(embedded.name, embedded.source, query);
    delete query;
    if (!problem.empty())
      problems.push_back(problem);
  }
  return problems;
}

} // namespace cloudpact::terraform
