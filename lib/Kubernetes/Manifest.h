#pragma once
// Loading manifest streams into Kubernetes objects, and small accessors over the document model.
#include "Core/Diagnostic.h"
#include "Core/SourceFile.h"
#include "Core/Value.h"
#include "Syntax/Document.h"
#include "Syntax/ParseCache.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpact::kubernetes {

using syntax::Node;

/// One Kubernetes object (a document, or an item of a `kind: List`).
struct Object {
  const SourceFile *file = nullptr;
  const Node *root = nullptr;
  std::string apiVersion;
  std::string group; // apiVersion before '/', "" for the core group ("v1")
  std::string kind;
  std::string name;
  std::string ns; // metadata.namespace, "default" when absent
  bool indexOnly = false; // known for name lookups (envFrom), analysed elsewhere

  /// "Deployment shop/chat-svc"
  std::string subject() const { return kind + " " + ns + "/" + name; }
};

/// A document that is a known config file kept as a file of its own (not a Kubernetes object).
struct ConfigFileDocument {
  const SourceFile *file = nullptr;
  const Node *root = nullptr;
};

/// Everything loaded for one scan. Nodes stay where they are until this is destroyed.
struct Manifests {
  std::vector<std::shared_ptr<const syntax::ParseResult>> parsed; // one per input file, in input order
  std::vector<Object> objects;             // in file, document and item order
  std::vector<ConfigFileDocument> configFiles; // in file and document order
  std::deque<Node> synthetic;              // nodes the frontend makes (decoded Secret data)
};

/// Parses `files` (in parallel; through `cache` when given) and collects their objects. Parse
/// diagnostics, Helm-template notes and similar go to `diagnostics`, in file order.
std::unique_ptr<Manifests> loadManifests(const std::vector<const SourceFile *> &files,
                                         std::vector<Diagnostic> &diagnostics, syntax::ParseCache *cache = nullptr);

/// The objects of one document root (itself, or the items of a `kind: List`), appended to `out`.
void collectObjects(const Node &root, std::vector<Object> &out);

/// Cheap textual test: a line that starts (after indentation, `- ` or a quote) with the key
/// `apiVersion`, and one with `kind`.
bool looksLikeManifest(std::string_view text);

/// Cheap textual test for a config file kept as a file of its own (Embedded.cpp's formats): a line
/// that starts with its top-level key, as `model_list:` of a LiteLLM proxy config.
bool hasConfigFileMarker(std::string_view text);
/// True if a document root is such a config file and not a Kubernetes object.
bool isConfigFileRoot(const Node &root);

/// Offset of a Helm template action (`{{`) outside any scalar and comment of a parsed file, or
/// of the first one when the file does not parse; nullopt when there is none.
std::optional<size_t> helmTemplateMarker(std::string_view text, const syntax::ParseResult &parsed);

/// Location of byte `offset` of `text`.
SourceLoc locationOf(std::string_view text, size_t offset, const std::string &file);

/// Lookup of objects by (group, kind, namespace, name).
class Index {
public:
  explicit Index(const std::vector<Object> &objects);
  /// `group` "*" matches any group.
  const Object *find(std::string_view group, std::string_view kind, std::string_view ns,
                     std::string_view name) const;

private:
  std::multimap<std::string, const Object *> byKey_; // "kind|ns|name"
};

// --- accessors over the document model (all null-safe) ---------------------------------------

const Node *child(const Node *node, std::string_view key);
/// Follows a dotted path; "a.b[].c" visits every item of the sequence b, a trailing "[]" yields
/// the items themselves. Appends what it reaches to `out`.
void collect(const Node *node, std::string_view path, std::vector<const Node *> &out);
/// The single node at a dotted path without "[]" segments, or nullptr.
const Node *at(const Node *node, std::string_view path);
/// The decoded text of a scalar, or nullopt for null (also a plain `null`/`~`), missing and
/// collection nodes.
std::optional<std::string> scalarText(const Node *node);
/// The items of a sequence (empty for anything else).
const std::vector<Node> &itemsOf(const Node *node);
/// The entries of a mapping (empty for anything else).
const std::vector<std::pair<Node, Node>> &entriesOf(const Node *node);

/// A literal Value of a scalar, located at the scalar.
ValuePtr literalOf(const Node &scalar, std::string phrase = {});
/// The range of bytes [begin, end) of a decoded scalar.
SourceRange subRange(const Node &scalar, size_t begin, size_t end);

} // namespace cloudpact::kubernetes
