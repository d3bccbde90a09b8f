#include "Policy/Policy.h"

namespace cloudpact {

// Iterative glob with single-star backtracking: `*` any run (including '/'), `?` one byte.
bool globMatch(std::string_view glob, std::string_view text) {
  size_t g = 0, t = 0, starG = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == text[t])) {
      ++g;
      ++t;
    } else if (g < glob.size() && glob[g] == '*') {
      starG = g++;
      starT = t;
    } else if (starG != std::string_view::npos) {
      g = starG + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*')
    ++g;
  return g == glob.size();
}

} // namespace cloudpact
