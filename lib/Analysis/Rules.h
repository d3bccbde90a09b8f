#pragma once
// Rule metadata, shared by every reporter (text, SARIF, LSP) and the docs.
#include "Core/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace cloudpact {

struct RuleMeta {
  std::string_view id;
  std::string_view name; // PascalCase, for SARIF
  Level defaultLevel;
  std::string_view summary;
  std::string_view description;
};

extern const RuleMeta kExclusivityCallRule;
extern const RuleMeta kExclusivityHostingRule;
extern const RuleMeta kUnresolvedRouteRule;
extern const RuleMeta kParseErrorRule;
extern const RuleMeta kPolicyErrorRule;
extern const RuleMeta kInputNotAnalysedRule;
extern const RuleMeta kPolicyRelaxedRule;

/// Every rule, in documentation order.
const std::vector<const RuleMeta *> &allRules();
const RuleMeta *findRule(std::string_view id);
/// Link to the rule's page in docs/ for this version.
std::string ruleHelpUri(std::string_view id);

} // namespace cloudpact
