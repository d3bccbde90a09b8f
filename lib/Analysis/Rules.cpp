#include "Analysis/Rules.h"

#include "cloudpact/Version.h"

namespace cloudpact {

const std::vector<const RuleMeta *> &allRules() {
  static const std::vector<const RuleMeta *> rules = {
      &kExclusivityCallRule, &kExclusivityHostingRule, &kUnresolvedRouteRule, &kParseErrorRule, &kPolicyErrorRule,
      &kInputNotAnalysedRule, &kPolicyRelaxedRule};
  return rules;
}

const RuleMeta *findRule(std::string_view id) {
  for (const RuleMeta *rule : allRules())
    if (rule->id == id)
      return rule;
  return nullptr;
}

std::string ruleHelpUri(std::string_view id) {
  return std::string(kRepositoryUrl) + "/blob/v" + kVersion + "/docs/rules/" + std::string(id) + ".md";
}

} // namespace cloudpact
