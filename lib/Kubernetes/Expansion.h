#pragma once
// Variable syntax in manifest strings. Kubernetes' own expansion in env values, command and args:
// `$(VAR)` is replaced by the value of VAR when it is defined before, `$$` is one `$`. Deploy-time
// placeholders in any scalar: `${VAR}`, `${VAR:-default}` (envsubst, Flux postBuild substitution).
// What cannot be known statically becomes a hole (an Unknown value naming the placeholder).
#include "Core/Value.h"
#include "Syntax/Document.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::kubernetes {

/// Which syntax a string is written in.
enum class ExpansionSyntax {
  Kubernetes,   // env values, command, args: `$(VAR)`, `$$`, and deploy-time `${VAR}`
  Placeholders, // any other scalar: deploy-time `${VAR}` only; `$$` and `$(` stay as written
};

enum class PieceKind {
  Text,
  Reference,   // `$(NAME)`
  Placeholder, // `${NAME}`, `${NAME:-default}`
};

/// One piece of an expanded string: literal text, a variable reference or a placeholder.
struct ExpansionPiece {
  PieceKind kind = PieceKind::Text;
  std::string text;                   // literal text (with `$$` decoded), or the variable name
  size_t begin = 0, end = 0;          // bytes of the input this piece was read from
  std::optional<std::string> fallback; // a placeholder's default
  size_t fallbackBegin = 0, fallbackEnd = 0;
};

/// Splits `input` the way it is expanded. Adjacent literal text is merged.
std::vector<ExpansionPiece> splitExpansion(std::string_view input,
                                           ExpansionSyntax syntax = ExpansionSyntax::Kubernetes);

/// The value of a defined variable, or null when it is not defined.
using VariableLookup = std::function<ValuePtr(const std::string &name)>;

/// The Value of bytes [begin, end) of a decoded scalar after expansion: a Literal when there is
/// nothing to expand, else a Concat of the literal parts, defined variables (one-part Concats
/// located at the `$(NAME)` with the phrase "expands $(NAME)", holding the variable's value) and
/// holes: "$(NAME) is not set in the container", "${NAME} is substituted at deploy time" (a
/// Choice of that hole and the default when there is one).
ValuePtr expandScalar(const syntax::Node &scalar, size_t begin, size_t end, const VariableLookup &lookup,
                      ExpansionSyntax syntax = ExpansionSyntax::Kubernetes);

/// Bytes [begin, end) of a scalar that Kubernetes does not expand, with its deploy-time placeholders.
ValuePtr placeholderValue(const syntax::Node &scalar, size_t begin, size_t end);

} // namespace cloudpact::kubernetes
