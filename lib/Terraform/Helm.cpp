// helm_release → the chart's values as one structured Value (values documents merged in order,
// `set` paths overriding), then the chart tables (HelmTable.def): model and endpoint entries
// become ModelAccess sinks, container environment becomes env:NAME Assigns.
#include "Kubernetes/Tables.h"
#include "Syntax/Document.h"
#include "Terraform/Analyzer.h"

#include <string_view>

namespace cloudpact::terraform {

namespace {
struct HelmSinkRow {
  const char *chart;
  const char *items;
  const char *model;
  const char *endpoint;
  const char *region;
  AccessKind kind;
  const char *api;
  bool liteLlm;
};
const HelmSinkRow kHelmSinks[] = {
#define CLOUDPACT_TF_HELM_SINK(Chart, Items, Model, Endpoint, Region, Kind, Api, LiteLlm) \
  {Chart, Items, Model, Endpoint, Region, AccessKind::Kind, Api, LiteLlm},
#include "Terraform/HelmTable.def"
};
struct HelmEnvRow {
  const char *chart;
  const char *path;
  bool mapForm;
};
const HelmEnvRow kHelmEnvs[] = {
#define CLOUDPACT_TF_HELM_ENV(Chart, Path, MapForm) {Chart, Path, MapForm},
#include "Terraform/HelmTable.def"
};

constexpr std::string_view kHole = "cloudpact_hole_";
constexpr size_t kMaxDepth = 64;

/// A mutable values tree (Values are immutable and shared).
struct Tree {
  enum Kind { Leaf, Map, List } kind = Leaf;
  ValuePtr leaf; // null: nothing set
  std::vector<std::pair<std::string, Tree>> fields;
  std::vector<Tree> items;
  SourceRange range;

  Tree *field(const std::string &key) {
    for (auto &[k, v] : fields)
      if (k == key)
        return &v;
    return nullptr;
  }
};

bool chartMatches(const char *rowChart, const std::string &chart) {
  std::string_view name(rowChart);
  if (name.empty())
    return true;
  if (chart == name)
    return true;
  return chart.size() > name.size() && chart.compare(chart.size() - name.size(), name.size(), name) == 0 &&
         chart[chart.size() - name.size() - 1] == '/';
}

class HelmRelease {
public:
  HelmRelease(Analyzer &analyzer, Instance &instance, const std::string &addr, const Block &block)
      : a_(analyzer), inst_(instance), block_(block), shown_(Analyzer::address(instance, addr)),
        scope_(analyzer.resourceScope(instance, block)) {}

  ValuePtr values();
  void run();

private:
  ValuePtr follow(ValuePtr value);
  ValuePtr document(ValuePtr value);
  ValuePtr singleAssignment(const ValuePtr &ref);
  Tree fromValue(ValuePtr value, size_t depth);
  Tree fromText(const ValuePtr &text, SourceRange fallback);
  Tree fromNode(const syntax::Node &node, const std::vector<ValuePtr> &holes, const SourceRange *pinned);
  static void merge(Tree &into, Tree from);
  void applySet(Tree &root, const std::string &path, ValuePtr value, SourceRange at);
  static ValuePtr toValue(const Tree &tree);
  std::vector<ValuePtr> walk(const ValuePtr &from, const std::string &path);
  std::string text(const ValuePtr &value);
  void sinks(const HelmSinkRow &row, const ValuePtr &values);
  void env(const HelmEnvRow &row, const ValuePtr &values);

  Analyzer &a_;
  Instance &inst_;
  const Block &block_;
  std::string shown_;
  Scope scope_;
};

// Sees through yamlencode/jsonencode and single-assignment references to the structure (or
// text) written; anything else is kept as it is, so its trace stays whole.
ValuePtr HelmRelease::follow(ValuePtr value) {
  ValuePtr original = value;
  for (int hop = 0; hop < 8 && value; ++hop) {
    if (value->kind == ValueKind::Apply && (value->text == "yamlencode" || value->text == "jsonencode") &&
        value->parts.size() == 1) {
      value = value->parts[0];
      continue;
    }
    if (ValuePtr assigned = singleAssignment(value)) {
      value = assigned;
      continue;
    }
    break;
  }
  if (value && (value->kind == ValueKind::Map || value->kind == ValueKind::List))
    return value;
  if (value && value != original && original->kind == ValueKind::Apply && !original->parts.empty() &&
      (value->kind == ValueKind::Literal || value->kind == ValueKind::Concat))
    return value; // yamlencode("text")
  return original;
}

/// A values document: as follow(), and also through references to text (file(), templatefile()).
ValuePtr HelmRelease::document(ValuePtr value) {
  for (int hop = 0; hop < 8 && value; ++hop) {
    ValuePtr next = follow(value);
    if (next != value) {
      value = next;
      continue;
    }
    if (ValuePtr assigned = singleAssignment(value)) {
      value = assigned;
      continue;
    }
    break;
  }
  return value;
}

/// The value of a reference to a symbol assigned exactly once, else null.
ValuePtr HelmRelease::singleAssignment(const ValuePtr &ref) {
  if (ref->kind != ValueKind::Ref)
    return nullptr;
  const std::vector<Assign> &assigns = a_.assignsOf(ref->text);
  return assigns.size() == 1 ? assigns[0].value : nullptr;
}

Tree HelmRelease::fromValue(ValuePtr value, size_t depth) {
  Tree t;
  value = follow(value);
  if (!value)
    return t;
  t.range = value->range;
  if (depth > kMaxDepth) {
    t.leaf = value;
    return t;
  }
  if (value->kind == ValueKind::Map) {
    t.kind = Tree::Map;
    for (const auto &[k, v] : value->fields) {
      if (Tree *old = t.field(k))
        *old = fromValue(v, depth + 1);
      else
        t.fields.emplace_back(k, fromValue(v, depth + 1));
    }
  } else if (value->kind == ValueKind::List) {
    t.kind = Tree::List;
    for (const ValuePtr &v : value->parts)
      t.items.push_back(fromValue(v, depth + 1));
  } else {
    t.leaf = value;
  }
  return t;
}

// Flattens a string Value into text with a placeholder per part not known while extracting.
void flatten(const ValuePtr &v, std::string &out, std::vector<ValuePtr> &holes) {
  if (v->kind == ValueKind::Literal) {
    out += v->text;
  } else if (v->kind == ValueKind::Concat) {
    for (const ValuePtr &p : v->parts)
      flatten(p, out, holes);
  } else {
    out += std::string(kHole) + std::to_string(holes.size()) + "_";
    holes.push_back(v);
  }
}

Tree HelmRelease::fromNode(const syntax::Node &node, const std::vector<ValuePtr> &holes, const SourceRange *pinned) {
  Tree t;
  t.range = pinned ? *pinned : node.range;
  switch (node.kind) {
  case syntax::NodeKind::Null:
    return t;
  case syntax::NodeKind::Mapping:
    t.kind = Tree::Map;
    for (const auto &[k, v] : node.entries) {
      Tree child = fromNode(v, holes, pinned);
      if (Tree *old = t.field(k.value))
        *old = std::move(child);
      else
        t.fields.emplace_back(k.value, std::move(child));
    }
    return t;
  case syntax::NodeKind::Sequence:
    t.kind = Tree::List;
    for (const syntax::Node &item : node.items)
      t.items.push_back(fromNode(item, holes, pinned));
    return t;
  case syntax::NodeKind::Scalar:
    break;
  }
  if (node.style == syntax::ScalarStyle::Plain && (node.value == "null" || node.value == "~"))
    return t;
  // Put the holes back: "prefix<hole>suffix" becomes a concatenation.
  std::vector<ValuePtr> parts;
  std::string_view s = node.value;
  size_t at = 0;
  while (at <= s.size()) {
    size_t h = s.find(kHole, at);
    if (h == std::string_view::npos)
      break;
    size_t num = h + kHole.size(), end = num;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9')
      ++end;
    if (end == num || end >= s.size() || s[end] != '_')
      break;
    size_t index = std::stoul(std::string(s.substr(num, end - num)));
    if (index >= holes.size())
      break;
    if (h > at)
      parts.push_back(makeLiteral(std::string(s.substr(at, h - at))));
    parts.push_back(holes[index]);
    at = end + 1;
  }
  if (parts.empty()) {
    t.leaf = makeLiteral(node.value, t.range);
  } else {
    if (at < s.size())
      parts.push_back(makeLiteral(std::string(s.substr(at))));
    // A scalar that is one hole is that value, located at the scalar.
    t.leaf = parts.size() == 1 ? withPhrase(parts[0], parts[0]->phrase, t.range) : makeConcat(std::move(parts), t.range);
  }
  return t;
}

// A values document given as text: file(...), templatefile(...), a heredoc.
Tree HelmRelease::fromText(const ValuePtr &value, SourceRange fallback) {
  std::string text;
  std::vector<ValuePtr> holes;
  flatten(value, text, holes);
  // file() and templatefile() name the file the text came from; positions point into it
  // (after a hole on a line, columns are approximate).
  std::string path;
  for (std::string_view marker : {std::string_view("contents of "), std::string_view("rendered from ")})
    if (value->phrase.rfind(marker, 0) == 0)
      path = value->phrase.substr(marker.size());
  syntax::ParseResult parsed = syntax::parseYaml(text, path.empty() ? fallback.file() : path);
  if (!parsed.diagnostics.empty() || parsed.documents.size() != 1) {
    a_.diagnose(Level::Note, "", fallback,
                "values of " + shown_ + " are not one YAML document; they are not read");
    return Tree{};
  }
  return fromNode(parsed.documents[0].root, holes, path.empty() ? &fallback : nullptr);
}

void HelmRelease::merge(Tree &into, Tree from) {
  if (into.kind == Tree::Map && from.kind == Tree::Map) {
    for (auto &[k, v] : from.fields) {
      if (Tree *old = into.field(k))
        merge(*old, std::move(v));
      else
        into.fields.emplace_back(k, std::move(v));
    }
    return;
  }
  if (from.kind == Tree::Leaf && !from.leaf)
    return; // null removes a key in Helm; keeping the old value only over-approximates
  into = std::move(from);
}

// Helm --set syntax: "a.b[0].c", "\." escapes a dot.
void HelmRelease::applySet(Tree &root, const std::string &path, ValuePtr value, SourceRange at) {
  struct Step {
    std::string key;
    long index = -1;
  };
  std::vector<Step> steps;
  std::string key;
  bool bad = false;
  auto flush = [&]() {
    if (!key.empty())
      steps.push_back(Step{key, -1});
    key.clear();
  };
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '\\' && i + 1 < path.size()) {
      key += path[++i];
    } else if (c == '.') {
      flush();
    } else if (c == '[') {
      flush();
      size_t close = path.find(']', i);
      std::string digits = close == std::string::npos ? "" : path.substr(i + 1, close - i - 1);
      if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos) {
        bad = true;
        break;
      }
      steps.push_back(Step{"", std::stol(digits)});
      i = close;
    } else {
      key += c;
    }
  }
  flush();
  if (bad || steps.empty()) {
    a_.diagnose(Level::Warning, "parse-error", at, "set name '" + path + "' of " + shown_ + " is not a values path (indexes go up to 9999)");
    return;
  }
  Tree *node = &root;
  for (const Step &step : steps) {
    if (step.index < 0) {
      if (node->kind != Tree::Map)
        *node = Tree{Tree::Map, nullptr, {}, {}, at};
      Tree *child = node->field(step.key);
      if (!child) {
        node->fields.emplace_back(step.key, Tree{});
        child = &node->fields.back().second;
      }
      node = child;
    } else {
      if (node->kind != Tree::List)
        *node = Tree{Tree::List, nullptr, {}, {}, at};
      while (node->items.size() <= static_cast<size_t>(step.index))
        node->items.push_back(Tree{});
      node = &node->items[step.index];
    }
  }
  *node = Tree{};
  node->leaf = withPhrase(value, "set " + path + " of " + shown_, value->range.valid() ? value->range : at);
  node->range = node->leaf->range;
}

ValuePtr HelmRelease::toValue(const Tree &tree) {
  switch (tree.kind) {
  case Tree::Map: {
    std::vector<std::pair<std::string, ValuePtr>> fields;
    for (const auto &[k, v] : tree.fields)
      fields.emplace_back(k, toValue(v));
    return makeMap(std::move(fields), tree.range);
  }
  case Tree::List: {
    std::vector<ValuePtr> items;
    for (const Tree &t : tree.items)
      items.push_back(toValue(t));
    return makeList(std::move(items), tree.range);
  }
  case Tree::Leaf:
    break;
  }
  return tree.leaf ? tree.leaf : makeUnknown("not set in the chart values", tree.range);
}

ValuePtr HelmRelease::values() {
  Tree root;
  root.kind = Tree::Map;
  root.range = block_.range;
  if (const Attribute *values = block_.attr("values")) {
    ValuePtr list = follow(a_.convert(values->expr, scope_));
    std::vector<ValuePtr> documents;
    if (list && list->kind == ValueKind::List)
      documents = list->parts;
    for (const ValuePtr &doc : documents) {
      SourceRange r = doc->range.valid() ? doc->range : values->expr.range();
      ValuePtr d = document(doc);
      if (!d)
        continue;
      Tree t;
      if (d->kind == ValueKind::Map)
        t = fromValue(d, 0);
      else if (d->kind == ValueKind::Literal || d->kind == ValueKind::Concat)
        t = fromText(d, r);
      else
        continue; // not known statically: that document's keys are not read
      if (t.kind == Tree::Map) // Helm accepts only maps (an empty document is null)
        merge(root, std::move(t));
    }
  }
  // `set` blocks (provider v2) and the `set` list attribute (provider v3), in order.
  for (const char *name : {"set", "set_sensitive"}) {
    for (const Block *set : block_.children(name)) {
      const Attribute *n = set->attr("name");
      const Attribute *v = set->attr("value");
      if (!n || !v)
        continue;
      std::string path = text(a_.convert(n->expr, scope_));
      if (path.empty())
        continue;
      applySet(root, path, a_.convert(v->expr, scope_), v->expr.range());
    }
    if (const Attribute *attr = block_.attr(name)) {
      ValuePtr list = follow(a_.convert(attr->expr, scope_));
      if (!list || list->kind != ValueKind::List)
        continue;
      for (const ValuePtr &entry : list->parts) {
        ValuePtr e = follow(entry);
        if (!e || e->kind != ValueKind::Map)
          continue;
        ValuePtr n, v;
        for (const auto &[k, f] : e->fields) {
          if (k == "name")
            n = f;
          else if (k == "value")
            v = f;
        }
        if (!n || !v)
          continue;
        std::string path = text(n);
        if (!path.empty())
          applySet(root, path, v, v->range.valid() ? v->range : attr->expr.range());
      }
    }
  }
  return toValue(root);
}

std::string HelmRelease::text(const ValuePtr &value) {
  if (!value)
    return {};
  CV c = a_.constant(value);
  return c.isPrimitive() ? c.text : std::string();
}

// "a.b[].c": map keys; "[]" after a key steps into every element of that list.
std::vector<ValuePtr> HelmRelease::walk(const ValuePtr &from, const std::string &path) {
  std::vector<ValuePtr> current{from};
  if (path.empty())
    return current;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    std::string step = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    bool each = step.size() >= 2 && step.compare(step.size() - 2, 2, "[]") == 0;
    if (each)
      step.resize(step.size() - 2);
    std::vector<ValuePtr> next;
    for (const ValuePtr &v : current) {
      if (!v || v->kind != ValueKind::Map)
        continue;
      ValuePtr found;
      for (const auto &[k, f] : v->fields)
        if (k == step)
          found = f;
      if (!found)
        continue;
      if (!each) {
        next.push_back(found);
      } else if (found->kind == ValueKind::List) {
        for (const ValuePtr &item : found->parts)
          next.push_back(item);
      }
    }
    current = std::move(next);
    if (dot == std::string::npos || current.empty())
      break;
    start = dot + 1;
  }
  return current;
}

void HelmRelease::sinks(const HelmSinkRow &row, const ValuePtr &values) {
  for (const ValuePtr &entry : walk(values, row.items)) {
    std::vector<ValuePtr> models = walk(entry, row.model);
    if (models.empty() || models[0]->kind == ValueKind::Unknown)
      continue;
    ValuePtr model = models[0];
    ModelAccess access;
    access.kind = row.kind;
    access.api = row.api;
    access.range = model->range.valid() ? model->range : entry->range;
    access.subject = shown_;
    if (*row.endpoint)
      if (std::vector<ValuePtr> e = walk(entry, row.endpoint); !e.empty())
        access.endpoint = e[0];
    if (*row.region)
      if (std::vector<ValuePtr> r = walk(entry, row.region); !r.empty())
        access.region = r[0];
    if (row.liteLlm) {
      std::string id = text(model);
      for (const kubernetes::LiteLlmPrefixRow &prefix : kubernetes::liteLlmPrefixes()) {
        if (!std::string_view(id).starts_with(prefix.prefix))
          continue;
        model = makeApply("trimprefix", {model, makeLiteral(std::string(prefix.prefix))}, model->range);
        if (!prefix.cloud.empty()) {
          access.impliedCloud = prefix.cloud;
          access.cloud = makeLiteral(std::string(prefix.cloud), access.range);
        }
        if (!prefix.provider.empty())
          access.provider = makeLiteral(std::string(prefix.provider), access.range);
        if (!access.endpoint && !prefix.defaultEndpoint.empty())
          access.endpoint = makeLiteral(std::string(prefix.defaultEndpoint));
        break;
      }
    }
    access.model = model;
    a_.facts().accesses.push_back(std::move(access));
  }
}

void HelmRelease::env(const HelmEnvRow &row, const ValuePtr &values) {
  std::string ns = text(block_.attr("namespace") ? a_.convert(block_.attr("namespace")->expr, scope_) : nullptr);
  if (ns.empty())
    ns = "default";
  auto assign = [&](const std::string &name, ValuePtr value, SourceRange r) {
    a_.facts().assigns.push_back(Assign{"env:" + name, std::move(value), r, "env " + name + " of " + shown_});
  };
  for (const ValuePtr &env : walk(values, row.path)) {
    if (row.mapForm) {
      if (env->kind != ValueKind::Map)
        continue;
      for (const auto &[name, v] : env->fields)
        assign(name, v, v->range.valid() ? v->range : env->range);
      continue;
    }
    if (env->kind != ValueKind::List)
      continue;
    for (const ValuePtr &item : env->parts) {
      std::vector<ValuePtr> n = walk(item, "name");
      std::string name = n.empty() ? "" : text(n[0]);
      if (name.empty())
        continue;
      SourceRange r = item->range.valid() ? item->range : n[0]->range;
      if (std::vector<ValuePtr> v = walk(item, "value"); !v.empty()) {
        assign(name, v[0], r);
        continue;
      }
      ValuePtr value;
      for (const auto &[ref, kind] : {std::pair{"valueFrom.secretKeyRef", "Secret"}, {"valueFrom.configMapKeyRef", "ConfigMap"}}) {
        for (const ValuePtr &from : walk(item, ref)) {
          std::vector<ValuePtr> o = walk(from, "name"), k = walk(from, "key");
          std::string object = o.empty() ? "" : text(o[0]), key = k.empty() ? "" : text(k[0]);
          if (!object.empty() && !key.empty())
            value = makeRef("k8s:" + ns + "/" + kind + "/" + object + "#" + key, from->range,
                            std::string("key ") + key + " of " + kind + " " + ns + "/" + object);
        }
      }
      assign(name, value ? value : makeUnknown("env " + name + " comes from a source not modelled", r), r);
    }
  }
}

void HelmRelease::run() {
  const Attribute *chartAttr = block_.attr("chart");
  std::string chart = chartAttr ? text(a_.convert(chartAttr->expr, scope_)) : "";
  while (!chart.empty() && chart.back() == '/')
    chart.pop_back();
  ValuePtr v = values();
  for (const HelmSinkRow &row : kHelmSinks)
    if (!chart.empty() && chartMatches(row.chart, chart))
      sinks(row, v);
  for (const HelmEnvRow &row : kHelmEnvs)
    if (chartMatches(row.chart, chart))
      env(row, v);
}
} // namespace

ValuePtr helmValues(Analyzer &analyzer, Instance &instance, const std::string &addr, const Block &block) {
  return HelmRelease(analyzer, instance, addr, block).values();
}

void extractHelmRelease(Analyzer &analyzer, Instance &instance, const std::string &addr, const Block &block) {
  HelmRelease(analyzer, instance, addr, block).run();
}

} // namespace cloudpact::terraform
