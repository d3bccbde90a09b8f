#pragma once
// Kubernetes' own variable expansion in env values, command and args: `$(VAR)` is replaced by
// the value of VAR when it is defined (else left as written), `$$` is one `$`.
#include "Core/Value.h"
#include "Syntax/Document.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::kubernetes {

/// One piece of an expanded string: literal text or a variable reference.
struct ExpansionPiece {
  bool variable = false;
  std::string text;           // literal text (with `$$` decoded), or the variable name
  size_t begin = 0, end = 0;  // bytes of the input this piece was read from
};

/// Splits `input` the way Kubernetes expands it. Adjacent literal text is merged; a reference
/// to an undefined variable must be rendered back as `$(NAME)` by the caller.
std::vector<ExpansionPiece> splitExpansion(std::string_view input);

/// The value of a defined variable, or null when it is not defined (the reference stays as is).
using VariableLookup = std::function<ValuePtr(const std::string &name)>;

/// The Value of bytes [begin, end) of a decoded scalar after expansion: a Literal when no
/// defined variable is referenced, else a Concat whose variable parts are one-part Concats
/// located at the `$(NAME)` with the phrase "expands $(NAME)", holding the variable's value.
ValuePtr expandScalar(const syntax::Node &scalar, size_t begin, size_t end, const VariableLookup &lookup);

} // namespace cloudpact::kubernetes
