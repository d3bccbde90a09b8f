// What a policy found in the scanned tree allows that the trusted policy does not.
#include "Policy/Policy.h"

#include <algorithm>

namespace cloudpact {

namespace {

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", " : "") + items[i];
  return out;
}

std::vector<std::string> missingFrom(const std::vector<std::string> &items, const std::vector<std::string> &of) {
  std::vector<std::string> out;
  for (const std::string &item : items)
    if (std::find(of.begin(), of.end(), item) == of.end())
      out.push_back(item);
  return out;
}

int strictness(Level level) { return level == Level::Error ? 2 : level == Level::Warning ? 1 : 0; }

} // namespace

std::vector<Diagnostic> policyRelaxations(const Policy &trusted, const Policy &tree, const std::string &trustedName) {
  std::vector<Diagnostic> out;
  auto relaxed = [&](const Contract &contract, const std::string &what) {
    out.push_back(makeDiagnostic(Level::Warning, "policy-relaxed", contract.where,
                                 "the " + contract.provider + " contract of this policy " + what + ", which " +
                                     trustedName + " does not; findings it hides are not reported"));
  };
  for (const Contract &mine : tree.contracts) {
    auto theirs = std::find_if(trusted.contracts.begin(), trusted.contracts.end(),
                               [&](const Contract &c) { return c.provider == mine.provider; });
    if (theirs == trusted.contracts.end() || !mine.where.begin.valid())
      continue; // a contract the trusted policy does not have only adds findings
    if (auto extra = missingFrom(mine.clouds, theirs->clouds); !extra.empty())
      relaxed(mine, "allows " + joined(extra));
    if (!theirs->regions.empty()) {
      if (mine.regions.empty())
        relaxed(mine, "allows every region");
      else if (auto extra = missingFrom(mine.regions, theirs->regions); !extra.empty())
        relaxed(mine, "allows regions " + joined(extra));
    }
    if (strictness(mine.severity) < strictness(theirs->severity))
      relaxed(mine, std::string("reports at level ") + levelName(mine.severity) + " instead of " + levelName(theirs->severity));
    if (auto extra = missingFrom(mine.exclude, theirs->exclude); !extra.empty())
      relaxed(mine, "excludes " + joined(extra));
    if (!mine.include.empty() && mine.include != theirs->include)
      relaxed(mine, "covers only " + joined(mine.include));
  }
  return out;
}

} // namespace cloudpact
