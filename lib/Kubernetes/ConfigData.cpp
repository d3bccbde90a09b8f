// ConfigMaps and Secrets: each key is a symbol `k8s:<ns>/<Kind>/<name>#<key>`.
#include "Kubernetes/Context.h"

namespace cloudpact::kubernetes {

std::optional<std::string> decodeBase64(std::string_view text) {
  auto digit = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  size_t symbols = 0, padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
      continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    int value = digit(c);
    if (value < 0 || padding > 0) // a digit after padding is malformed
      return std::nullopt;
    ++symbols;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  if (symbols % 4 == 1 || padding > 2 || (padding && (symbols + padding) % 4 != 0))
    return std::nullopt;
  return out;
}

namespace {
void assignKey(Context &ctx, const Object &object, const Node &key, const Node &value, ValuePtr held) {
  std::string symbol = "k8s:" + object.ns + "/" + object.kind + "/" + object.name + "#" + key.value;
  std::string phrase = "key " + key.value + " of " + object.subject();
  ctx.out.assigns.push_back(Assign{std::move(symbol), std::move(held), value.range, std::move(phrase), {}, {}});
}

/// A scalar holding `decoded`, the base64 text of `original` decoded: each decoded byte points
/// at the base64 digit that starts it (byte k of a 3-byte group comes from digits k and k+1 of
/// its 4-digit group), so a finding inside the decoded text underlines where it is encoded.
const Node &syntheticScalar(Context &ctx, const Node &original, std::string decoded) {
  std::vector<size_t> digits; // value offsets of the base64 digits, whitespace and padding skipped
  for (size_t i = 0; i < original.value.size(); ++i) {
    char c = original.value[i];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '=')
      digits.push_back(i);
  }
  Node node;
  node.kind = syntax::NodeKind::Scalar;
  node.style = syntax::ScalarStyle::Plain;
  node.range = original.range;
  for (size_t i = 0; i < decoded.size(); ++i) {
    size_t digit = i / 3 * 4 + i % 3;
    if (digit >= digits.size())
      break;
    SourceLoc source = original.locate(digits[digit]);
    // A new run where the source does not simply continue the previous byte's.
    bool continues = i % 3 != 0 && digits[digit] == digits[digit - 1] + 1 && !node.offsets.empty();
    if (!continues)
      node.offsets.push_back({i, source});
  }
  if (node.offsets.empty())
    node.offsets.push_back({0, original.range.begin});
  node.value = std::move(decoded);
  ctx.manifests.synthetic.push_back(std::move(node));
  return ctx.manifests.synthetic.back();
}
} // namespace

void analyzeConfigData(Context &ctx, const Object &object) {
  bool secret = object.kind == "Secret";
  for (const auto &[key, value] : entriesOf(child(object.root, secret ? "stringData" : "data"))) {
    if (!key.isScalar() || !(value.isScalar() || value.isNull()))
      continue;
    assignKey(ctx, object, key, value, literalOf(value));
    if (value.isScalar())
      analyzeEmbedded(ctx, object, key.value, value);
  }
  if (!secret)
    return;
  for (const auto &[key, value] : entriesOf(child(object.root, "data"))) {
    if (!key.isScalar() || !value.isScalar())
      continue;
    std::optional<std::string> decoded = decodeBase64(value.value);
    if (!decoded) {
      ctx.out.diagnostics.push_back(makeDiagnostic(Level::Warning, "", value.range,
                                                   "value of key '" + key.value + "' of " + object.subject() +
                                                       " is not valid base64"));
      assignKey(ctx, object, key, value, makeUnknown("invalid base64 in Secret data", value.range));
      continue;
    }
    assignKey(ctx, object, key, value, makeLiteral(*decoded, value.range));
    analyzeEmbedded(ctx, object, key.value, syntheticScalar(ctx, value, std::move(*decoded)));
  }
}

} // namespace cloudpact::kubernetes
