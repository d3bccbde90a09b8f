// Model-hosting resources → ModelAccess sinks (SinkTable.def), and the Assigns of
// Terraform-managed Kubernetes objects (container env, ConfigMap and Secret data) and of
// SageMaker endpoints. Everything resource-specific is a table row here.
#include "Kubernetes/Kubernetes.h"
#include "Terraform/Analyzer.h"
#include "Terraform/Query.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace cloudpact::terraform {

namespace {
constexpr size_t kMaxUnroll = 256;

struct SinkRow {
  const char *type;
  bool data;
  const char *containers;
  const char *models;
  const char *provider;
  const char *region;
  const char *matchAttr;
  const char *matchPrefix;
};

const SinkRow kSinks[] = {
#define CLOUDPACT_TF_SINK(Type, Data, Containers, Models, Provider, Region, MatchAttr, MatchPrefix) \
  {Type, Data, Containers, Models, Provider, Region, MatchAttr, MatchPrefix},
#include "Terraform/SinkTable.def"
};

/// Evidence of the cloud a Kubernetes cluster runs on (SinkTable.def).
struct ClusterRow {
  std::string_view evidence; // reference, exec, module
  std::string_view text;
  const char *cloud;
};
const ClusterRow kClusters[] = {
#define CLOUDPACT_TF_CLUSTER(Evidence, Text, Cloud) {#Evidence, Text, #Cloud},
#include "Terraform/SinkTable.def"
};

/// Resource type prefix → the cloud its provider manages.
struct CloudRow {
  const char *prefix;
  const char *cloud;
};
const CloudRow kClouds[] = {
    {"aws_", "aws"}, {"awscc_", "aws"}, {"azapi_", "azure"}, {"azurerm_", "azure"}, {"google_", "gcp"}, {"oci_", "oci"},
};

/// Terraform-managed Kubernetes workloads: where their containers are.
struct WorkloadRow {
  const char *type;
  const char *kind; // the Kubernetes kind it manages
  const char *containers;
};
const WorkloadRow kWorkloads[] = {
    {"kubernetes_cron_job", "CronJob", "spec.job_template.spec.template.spec.container"},
    {"kubernetes_cron_job_v1", "CronJob", "spec.job_template.spec.template.spec.container"},
    {"kubernetes_daemon_set_v1", "DaemonSet", "spec.template.spec.container"},
    {"kubernetes_daemonset", "DaemonSet", "spec.template.spec.container"},
    {"kubernetes_deployment", "Deployment", "spec.template.spec.container"},
    {"kubernetes_deployment_v1", "Deployment", "spec.template.spec.container"},
    {"kubernetes_job", "Job", "spec.template.spec.container"},
    {"kubernetes_job_v1", "Job", "spec.template.spec.container"},
    {"kubernetes_pod", "Pod", "spec.container"},
    {"kubernetes_pod_v1", "Pod", "spec.container"},
    {"kubernetes_stateful_set", "StatefulSet", "spec.template.spec.container"},
    {"kubernetes_stateful_set_v1", "StatefulSet", "spec.template.spec.container"},
};

/// Terraform-managed ConfigMaps and Secrets: their `data` keys become k8s: symbols.
struct ConfigObjectRow {
  const char *type;
  const char *kind;
};
const ConfigObjectRow kConfigObjects[] = {
    {"kubernetes_config_map", "ConfigMap"},
    {"kubernetes_config_map_v1", "ConfigMap"},
    {"kubernetes_secret", "Secret"},
    {"kubernetes_secret_v1", "Secret"},
};

/// Env `value_from` references → the kind of object they read.
struct EnvSourceRow {
  const char *block;
  const char *kind;
};
const EnvSourceRow kEnvSources[] = {
    {"config_map_key_ref", "ConfigMap"},
    {"secret_key_ref", "Secret"},
};

/// Env `env_from` sources → the kind of object whose keys they bring in.
const EnvSourceRow kEnvFromSources[] = {
    {"config_map_ref", "ConfigMap"},
    {"secret_ref", "Secret"},
};

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string part;
  for (char c : s) {
    if (c == sep) {
      out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  out.push_back(part);
  return out;
}

std::string cloudOf(const std::string &type) {
  for (const CloudRow &row : kClouds)
    if (type.rfind(row.prefix, 0) == 0)
      return row.cloud;
  return {};
}

class SinkExtractorImpl {
public:
  SinkExtractorImpl(Analyzer &analyzer, Instance &instance) : a_(analyzer), inst_(instance) {}

  void run();

private:
  struct Item {
    const Block *block = nullptr;
    Scope scope;
    ValuePtr value;
    SourceRange range;
  };

  std::vector<Item> children(const Item &item, const std::string &step, bool strict);
  std::vector<Item> descend(const Item &from, const std::string &path, bool strict);
  ValuePtr follow(ValuePtr value);
  std::string constantText(const Block &block, const char *attr, const Scope &scope);
  bool live(const Block &block, Instance &owner);
  bool instanceLive(Instance &inst);
  void sink(const SinkRow &row, const std::string &addr, const Block &block);
  void workload(const WorkloadRow &row, const std::string &addr, const Block &block);
  void configObject(const ConfigObjectRow &row, const std::string &addr, const Block &block);
  /// A Terraform-managed ConfigMap or Secret: its namespace, name and `data` (a Map), or false.
  bool configObjectOf(const Block &block, std::string &ns, std::string &name, ValuePtr &data);
  /// The `data` keys of this module's ConfigMap or Secret `kind` named `name` in `ns`.
  std::vector<std::string> configKeys(const std::string &kind, const std::string &ns, const std::string &name);
  void sagemakerEndpoint(const std::string &addr, const Block &block);
  /// The cloud of the cluster a Kubernetes or Helm resource is applied to, from its provider's
  /// configuration; null when nothing there names one.
  ValuePtr clusterCloud(const Block &resource);
  std::vector<std::string> references(const Attribute &attr, const std::string &type);

  Analyzer &a_;
  Instance &inst_;
  std::map<std::string, std::vector<ValuePtr>> hosted_; // "aws_sagemaker_model.x" → model values
};

ValuePtr SinkExtractorImpl::follow(ValuePtr value) {
  // See through jsonencode(...) and single-assignment references to the structure written.
  for (int hop = 0; hop < 8 && value; ++hop) {
    if (value->kind == ValueKind::Apply && value->text == "jsonencode" && value->parts.size() == 1) {
      value = value->parts[0];
      continue;
    }
    if (value->kind == ValueKind::Ref) {
      const std::vector<Assign> &assigns = a_.assignsOf(value->text);
      if (assigns.size() == 1 && assigns[0].value &&
          (assigns[0].value->kind == ValueKind::Map || assigns[0].value->kind == ValueKind::List ||
           assigns[0].value->kind == ValueKind::Ref || assigns[0].value->kind == ValueKind::Apply)) {
        value = assigns[0].value;
        continue;
      }
    }
    break;
  }
  return value;
}

std::vector<SinkExtractorImpl::Item> SinkExtractorImpl::children(const Item &item, const std::string &step, bool strict) {
  std::vector<Item> out;
  if (item.block) {
    for (const Block *child : item.block->children(step))
      out.push_back(Item{child, item.scope, nullptr, child->range});
    for (const Block *dynamic : item.block->children("dynamic")) {
      if (dynamic->labels.empty() || dynamic->labels[0] != step)
        continue;
      std::vector<const Block *> contents = dynamic->children("content");
      const Attribute *forEach = dynamic->attr("for_each");
      if (contents.empty() || !forEach)
        continue;
      std::string iterator = step;
      if (const Attribute *it = dynamic->attr("iterator")) {
        iterator = it->expr.json ? it->expr.json->value : std::string(it->expr.file->textOf(it->expr.node));
      }
      ValuePtr coll = a_.convert(forEach->expr, item.scope);
      std::vector<std::pair<std::string, ValuePtr>> elements;
      if (a_.staticElements(coll, false, elements, kMaxUnroll)) {
        for (auto &[key, value] : elements) {
          Scope scope = item.scope;
          scope.names[iterator] = makeMap({{"key", makeLiteral(key)}, {"value", value}});
          out.push_back(Item{contents[0], scope, nullptr, contents[0]->range});
        }
      } else {
        Scope scope = item.scope;
        scope.names[iterator] = makeMap({{"key", makeApply("$keys", {coll}, forEach->range)},
                                         {"value", makeApply("$values", {coll}, forEach->range)}});
        out.push_back(Item{contents[0], scope, nullptr, contents[0]->range});
      }
    }
    if (!out.empty())
      return out;
    if (const Attribute *attr = item.block->attr(step))
      out.push_back(Item{nullptr, item.scope, a_.convert(attr->expr, item.scope), attr->expr.range()});
    return out;
  }
  ValuePtr v = follow(item.value);
  if (v && v->kind == ValueKind::Map) {
    for (auto it = v->fields.rbegin(); it != v->fields.rend(); ++it) {
      if (it->first == step) {
        out.push_back(Item{nullptr, item.scope, it->second, it->second && it->second->range.valid() ? it->second->range : item.range});
        return out;
      }
    }
    return out;
  }
  if (v && v->kind == ValueKind::List) {
    for (const ValuePtr &element : v->parts) {
      Item e{nullptr, item.scope, element, element && element->range.valid() ? element->range : item.range};
      for (Item &found : children(e, step, strict))
        out.push_back(std::move(found));
    }
    return out;
  }
  if (!strict)
    out.push_back(Item{nullptr, item.scope, makeGet(item.value, step, item.range), item.range});
  return out;
}

std::vector<SinkExtractorImpl::Item> SinkExtractorImpl::descend(const Item &from, const std::string &path, bool strict) {
  std::vector<Item> items{from};
  if (path.empty())
    return items;
  for (const std::string &step : split(path, '.')) {
    std::vector<Item> next;
    for (const Item &item : items)
      for (Item &found : children(item, step, strict))
        next.push_back(std::move(found));
    items = std::move(next);
    if (items.empty())
      break;
  }
  return items;
}

std::string SinkExtractorImpl::constantText(const Block &block, const char *attr, const Scope &scope) {
  const Attribute *a = block.attr(attr);
  if (!a)
    return {};
  CV c = a_.constant(a_.convert(a->expr, scope));
  return c.isPrimitive() ? c.text : std::string();
}

// A resource whose count is 0 or whose for_each is empty has no instances.
bool SinkExtractorImpl::live(const Block &block, Instance &owner) {
  Scope scope;
  scope.instance = &owner;
  if (const Attribute *count = block.attr("count")) {
    CV c = a_.constant(a_.convert(count->expr, scope));
    if (c.isPrimitive() && c.text == "0")
      return false;
  }
  if (const Attribute *forEach = block.attr("for_each")) {
    CV c = a_.constant(a_.convert(forEach->expr, scope));
    if ((c.kind == CV::List && c.items.empty()) || (c.kind == CV::Map && c.fields.empty()) || c.kind == CV::Null)
      return false;
  }
  return true;
}

bool SinkExtractorImpl::instanceLive(Instance &inst) {
  for (Instance *i = &inst; i && i->parent; i = i->parent)
    if (i->call && !live(*i->call, *i->parent))
      return false;
  return true;
}

void SinkExtractorImpl::sink(const SinkRow &row, const std::string &addr, const Block &block) {
  Scope scope = a_.resourceScope(inst_, block);
  if (*row.matchAttr) {
    std::string text = constantText(block, row.matchAttr, scope);
    if (text.rfind(row.matchPrefix, 0) != 0)
      return;
  }
  ValuePtr region;
  if (*row.region && block.attr(row.region)) {
    const Attribute *r = block.attr(row.region);
    region = withPhrase(a_.convert(r->expr, scope), std::string(row.region) + " of " + Analyzer::address(inst_, addr), r->expr.range());
  } else {
    region = a_.providerRegion(inst_, block);
  }
  std::vector<std::string> models = split(row.models, '|');
  Item resource{&block, scope, nullptr, block.range};
  for (const std::string &containerPath : split(row.containers, '|')) {
    for (const Item &container : descend(resource, containerPath, true)) {
      std::vector<Item> found;
      for (const std::string &path : models) {
        found = descend(container, path, true);
        if (!found.empty())
          break;
      }
      if (found.empty() && !container.block)
        found = descend(container, models.front(), false);
      ValuePtr provider;
      if (*row.provider) {
        std::vector<Item> p = descend(container, row.provider, !container.block ? false : true);
        if (!p.empty())
          provider = p.front().value;
      }
      for (const Item &model : found) {
        if (a_.constant(model.value).kind == CV::Null)
          continue;
        ModelAccess access;
        access.kind = AccessKind::Hosting;
        access.api = row.type;
        access.impliedCloud = cloudOf(row.type);
        access.model = model.value;
        access.region = region;
        access.provider = provider;
        access.range = model.range;
        access.subject = Analyzer::address(inst_, addr);
        a_.facts().accesses.push_back(std::move(access));
        hosted_[addr].push_back(model.value);
        // An Azure deployment's name is what requests carry: deployment:azure:<name> resolves it.
        if (cloudOf(row.type) == std::string("azure")) {
          std::string deployment = constantText(block, "name", scope);
          if (!deployment.empty()) {
            std::vector<std::pair<std::string, ValuePtr>> fields;
            fields.reserve(2); // (not an initializer list: GCC 12 warns -Warray-bounds falsely)
            fields.emplace_back("model", model.value);
            if (provider)
              fields.emplace_back("provider", provider);
            a_.facts().assigns.push_back(Assign{"deployment:azure:" + deployment, makeMap(std::move(fields), block.range),
                                                model.range, "deployment " + deployment + " of " + Analyzer::address(inst_, addr)});
          }
        }
      }
    }
  }
}

void SinkExtractorImpl::workload(const WorkloadRow &row, const std::string &addr, const Block &block) {
  Scope scope = a_.resourceScope(inst_, block);
  Item resource{&block, scope, nullptr, block.range};
  std::string ns = "default", name;
  for (const Item &metadata : descend(resource, "metadata", true)) {
    if (!metadata.block)
      continue;
    if (std::string n = constantText(*metadata.block, "namespace", metadata.scope); !n.empty())
      ns = n;
    name = constantText(*metadata.block, "name", metadata.scope);
  }
  std::string shown = Analyzer::address(inst_, addr);
  for (const Item &container : descend(resource, row.containers, true)) {
    std::string image = container.block ? constantText(*container.block, "image", container.scope) : "";
    std::vector<kubernetes::EnvVariable> containerEnv; // for the client calls it configures
    for (const Item &env : descend(container, "env", true)) {
      if (!env.block)
        continue;
      std::string var = constantText(*env.block, "name", env.scope);
      if (var.empty())
        continue; // env names computed at apply time are not linked
      ValuePtr value;
      if (const Attribute *v = env.block->attr("value")) {
        value = a_.convert(v->expr, env.scope);
      } else {
        for (const Item &from : descend(env, "value_from", true)) {
          for (const EnvSourceRow &source : kEnvSources) {
            for (const Item &ref : descend(from, source.block, true)) {
              if (!ref.block)
                continue;
              std::string object = constantText(*ref.block, "name", ref.scope);
              std::string key = constantText(*ref.block, "key", ref.scope);
              if (!object.empty() && !key.empty())
                value = makeRef("k8s:" + ns + "/" + source.kind + "/" + object + "#" + key, ref.range,
                                "key " + key + " of " + source.kind + " " + ns + "/" + object);
            }
          }
        }
        if (!value)
          value = makeUnknown("env " + var + " comes from a source not modelled", env.range);
      }
      containerEnv.push_back({var, value, env.range});
      Assign assign{"env:" + var, value, env.range, "env " + var + " of " + shown};
      assign.origin = name.empty() ? "" : ns + "/" + row.kind + "/" + name;
      assign.originImage = image;
      a_.facts().assigns.push_back(std::move(assign));
    }
    // env_from: every key of a ConfigMap or Secret this module manages, under its prefix.
    for (const Item &from : descend(container, "env_from", true)) {
      if (!from.block)
        continue;
      std::string prefix = constantText(*from.block, "prefix", from.scope);
      for (const EnvSourceRow &source : kEnvFromSources)
        for (const Item &ref : descend(from, source.block, true)) {
          std::string object = ref.block ? constantText(*ref.block, "name", ref.scope) : "";
          if (object.empty())
            continue;
          for (const std::string &key : configKeys(source.kind, ns, object)) {
            std::string var = prefix + key;
            ValuePtr value = makeRef("k8s:" + ns + "/" + source.kind + "/" + object + "#" + key, ref.range,
                                     "key " + key + " of " + source.kind + " " + ns + "/" + object);
            containerEnv.push_back({var, value, ref.range});
            Assign assign{"env:" + var, value, ref.range, "env " + var + " of " + shown + " (env_from)"};
            assign.origin = name.empty() ? "" : ns + "/" + row.kind + "/" + name;
            assign.originImage = image;
            a_.facts().assigns.push_back(std::move(assign));
          }
        }
    }
    // An OpenAI client pointed somewhere by its environment is a call from this workload, as
    // the Kubernetes frontend reports it for a manifest.
    kubernetes::clientEnvAccesses(containerEnv, name.empty() ? shown : std::string(row.kind) + " " + ns + "/" + name,
                                  a_.facts().accesses);
  }
}

bool SinkExtractorImpl::configObjectOf(const Block &block, std::string &ns, std::string &name, ValuePtr &data) {
  Scope scope = a_.resourceScope(inst_, block);
  Item resource{&block, scope, nullptr, block.range};
  ns = "default";
  name.clear();
  for (const Item &metadata : descend(resource, "metadata", true)) {
    if (!metadata.block)
      continue;
    if (std::string n = constantText(*metadata.block, "namespace", metadata.scope); !n.empty())
      ns = n;
    name = constantText(*metadata.block, "name", metadata.scope);
  }
  const Attribute *attr = block.attr("data");
  if (name.empty() || !attr)
    return false;
  data = follow(a_.convert(attr->expr, scope));
  return data && data->kind == ValueKind::Map;
}

std::vector<std::string> SinkExtractorImpl::configKeys(const std::string &kind, const std::string &ns,
                                                       const std::string &name) {
  std::vector<std::string> keys;
  for (const auto &[key, block] : inst_.config->resources)
    for (const ConfigObjectRow &row : kConfigObjects) {
      std::string objectNs, objectName;
      ValuePtr data;
      if (block->labels[0] == row.type && row.kind == kind && configObjectOf(*block, objectNs, objectName, data) &&
          objectNs == ns && objectName == name)
        for (const auto &[dataKey, value] : data->fields)
          keys.push_back(dataKey);
    }
  return keys;
}

void SinkExtractorImpl::configObject(const ConfigObjectRow &row, const std::string &addr, const Block &block) {
  std::string ns, name;
  ValuePtr value;
  if (!configObjectOf(block, ns, name, value))
    return;
  const Attribute *data = block.attr("data");
  (void)addr;
  for (const auto &[key, v] : value->fields) {
    SourceRange r = v && v->range.valid() ? v->range : data->expr.range();
    a_.facts().assigns.push_back(Assign{"k8s:" + ns + "/" + row.kind + "/" + name + "#" + key, v, r,
                                        "key " + key + " of " + row.kind + " " + ns + "/" + name});
  }
}

std::vector<std::string> SinkExtractorImpl::references(const Attribute &attr, const std::string &type) {
  std::vector<std::string> out;
  if (attr.expr.json || !attr.expr.file)
    return out;
  for (const QueryMatch &m : Query::get("sagemaker_refs").run(attr.expr.node, attr.expr.file->text)) {
    if (attr.expr.file->textOf(m.get("type")) != type)
      continue;
    std::string name(attr.expr.file->textOf(m.get("name")));
    if (std::find(out.begin(), out.end(), name) == out.end())
      out.push_back(name);
  }
  return out;
}

// aws_sagemaker_endpoint → endpoint_config_name → production_variants.model_name →
// aws_sagemaker_model: the endpoint's name stands for the models hosted behind it.
void SinkExtractorImpl::sagemakerEndpoint(const std::string &addr, const Block &block) {
  Scope scope = a_.resourceScope(inst_, block);
  const Attribute *nameAttr = block.attr("name");
  std::string name = constantText(block, "name", scope);
  const Attribute *configAttr = block.attr("endpoint_config_name");
  if (!nameAttr || name.empty() || !configAttr)
    return; // generated endpoint names (name_prefix, computed) are not linked
  std::vector<ValuePtr> models;
  const ModuleConfig &config = *inst_.config;
  for (const std::string &configName : references(*configAttr, "aws_sagemaker_endpoint_configuration")) {
    auto it = config.resources.find("aws_sagemaker_endpoint_configuration." + configName);
    if (it == config.resources.end())
      continue;
    for (const Block *variant : it->second->children("production_variants")) {
      const Attribute *modelName = variant->attr("model_name");
      if (!modelName)
        continue;
      for (const std::string &model : references(*modelName, "aws_sagemaker_model"))
        for (const ValuePtr &v : hosted_["aws_sagemaker_model." + model])
          models.push_back(v);
    }
  }
  if (models.empty())
    return;
  ValuePtr value = models.size() == 1 ? models[0] : makeChoice(models, nameAttr->range);
  // InvokeEndpoint names the endpoint: deployment:aws:<name> resolves it to the hosted model.
  a_.facts().assigns.push_back(Assign{"deployment:aws:" + name, makeMap({{"model", value}}, nameAttr->range),
                                      nameAttr->expr.range(), "endpoint " + name + " of " + Analyzer::address(inst_, addr)});
}

namespace {
bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

/// `text` holds `name.` (a reference to a resource or data source of type `name`).
bool refersTo(std::string_view text, std::string_view name) {
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at == 0 || !identifierChar(text[at - 1])) && end < text.size() && text[end] == '.')
      return true;
  }
  return false;
}

/// The string literals assigned to `command` in `text` (an exec block's command).
std::vector<std::string_view> commands(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t at = text.find("command"); at != std::string_view::npos; at = text.find("command", at + 1)) {
    size_t i = at + 7;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    if (i >= text.size() || text[i] != '=')
      continue;
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    if (i >= text.size() || text[i] != '"')
      continue;
    size_t close = text.find('"', i + 1);
    if (close != std::string_view::npos)
      out.push_back(text.substr(i + 1, close - i - 1));
  }
  return out;
}

/// The names of the modules whose outputs `text` uses (module.NAME.output).
std::vector<std::string> modulesUsed(std::string_view text) {
  std::vector<std::string> out;
  for (size_t at = text.find("module."); at != std::string_view::npos; at = text.find("module.", at + 1)) {
    if (at > 0 && identifierChar(text[at - 1]))
      continue;
    size_t begin = at + 7, end = begin;
    while (end < text.size() && identifierChar(text[end]))
      ++end;
    if (end > begin)
      out.emplace_back(text.substr(begin, end - begin));
  }
  return out;
}
} // namespace

/// A model served inside the cluster runs on the cluster's cloud; a client in the cluster calls
/// whatever its endpoint names.
bool hostedInCluster(const ModelAccess &access) { return access.kind == AccessKind::Hosting && !access.cloud; }

ValuePtr SinkExtractorImpl::clusterCloud(const Block &resource) {
  std::string key;
  const ProviderConfig *config = a_.providerOf(inst_, resource, key);
  if (!config || !config->block->file)
    return nullptr;
  const Block &provider = *config->block;
  std::string_view source = provider.file->text;
  uint32_t begin = provider.range.begin.offset, end = provider.range.end.offset;
  if (provider.file->pinned.valid() || end > source.size() || end < begin)
    return nullptr;
  std::string_view text = source.substr(begin, end - begin);
  const Attribute *host = provider.attr("host");
  for (const Block *nested : provider.children("kubernetes")) // the helm provider's cluster
    if (!host)
      host = nested->attr("host");
  SourceRange where = host ? host->expr.range() : provider.typeRange;
  for (const ClusterRow &row : kClusters) {
    std::string evidence;
    if (row.evidence == "reference" && refersTo(text, row.text)) {
      evidence = std::string(row.text);
    } else if (row.evidence == "exec") {
      for (std::string_view command : commands(text))
        if (command == row.text)
          evidence = "exec " + std::string(command);
    } else if (row.evidence == "context") {
      const Attribute *context = provider.attr("config_context");
      for (const Block *nested : provider.children("kubernetes")) // the helm provider's
        if (!context)
          context = nested->attr("config_context");
      Scope ownerScope;
      ownerScope.instance = config->owner;
      CV value = context ? a_.constant(a_.convert(context->expr, ownerScope)) : CV{};
      if (value.isPrimitive() && std::string_view(value.text).starts_with(row.text)) {
        evidence = "context " + value.text;
        where = context->expr.range();
      }
    } else if (row.evidence == "module") {
      for (const std::string &name : modulesUsed(text)) {
        auto call = config->owner->config->moduleCalls.find(name);
        if (call == config->owner->config->moduleCalls.end())
          continue;
        const Attribute *source = call->second->attr("source");
        CV value = source ? a_.constant(a_.convert(source->expr, Scope{})) : CV{};
        if (value.isPrimitive() && std::string_view(value.text).starts_with(row.text))
          evidence = "module " + name;
      }
    }
    if (!evidence.empty())
      return withPhrase(makeLiteral(row.cloud, where),
                        "cluster of provider " + key + " runs on " + row.cloud + " (" + evidence + ")", where);
  }
  return nullptr;
}

void SinkExtractorImpl::run() {
  if (!instanceLive(inst_))
    return;
  const ModuleConfig &config = *inst_.config;
  std::vector<std::pair<std::string, const Block *>> endpoints;
  std::map<std::string, std::vector<const Block *>> manifests; // kubernetes_manifest by provider
  for (const std::string &key : config.order) {
    bool data = key.rfind("data.", 0) == 0;
    std::string bare = data ? key.substr(5) : key;
    const Block *block = data ? config.dataSources.at(bare) : config.resources.at(bare);
    std::string type = block->labels[0];
    if (!live(*block, inst_))
      continue;
    for (const SinkRow &row : kSinks)
      if (row.data == data && type == row.type)
        sink(row, key, *block);
    if (data)
      continue;
    // Models served in a cluster Terraform manages run on the cluster's cloud.
    size_t accessesBefore = a_.facts().accesses.size();
    for (const WorkloadRow &row : kWorkloads)
      if (type == row.type)
        workload(row, key, *block);
    for (const ConfigObjectRow &row : kConfigObjects)
      if (type == row.type)
        configObject(row, key, *block);
    if (type == "helm_release")
      extractHelmRelease(a_, inst_, key, *block);
    if (type == "kubernetes_manifest") {
      // Analysed together once the instance's manifests are known, per provider (cluster).
      std::string providerKey;
      a_.providerOf(inst_, *block, providerKey);
      manifests[providerKey].push_back(block);
    }
    if (a_.facts().accesses.size() > accessesBefore && (type == "helm_release" || type.starts_with("kubernetes_")))
      if (ValuePtr cloud = clusterCloud(*block))
        for (size_t i = accessesBefore; i < a_.facts().accesses.size(); ++i)
          if (hostedInCluster(a_.facts().accesses[i]))
            a_.facts().accesses[i].cloud = cloud;
    if (type == "aws_sagemaker_endpoint")
      endpoints.emplace_back(key, block);
  }
  for (const auto &[key, block] : endpoints)
    sagemakerEndpoint(key, *block);
  // The module's ConfigMaps and Secrets, for the manifests' envFrom.
  std::vector<syntax::Node> known;
  if (!manifests.empty())
    for (const auto &[key, block] : config.resources)
      for (const ConfigObjectRow &row : kConfigObjects) {
        std::string ns, name;
        ValuePtr data;
        if (block->labels[0] != row.type || !configObjectOf(*block, ns, name, data))
          continue;
        std::vector<std::string> keys;
        for (const auto &[dataKey, value] : data->fields)
          keys.push_back(dataKey);
        known.push_back(configObjectNode(row.kind, ns, name, keys, block->range));
      }
  for (const auto &[providerKey, blocks] : manifests) {
    std::vector<syntax::Node> objects;
    for (const Block *block : blocks)
      if (syntax::Node object; lowerKubernetesManifest(a_, inst_, *block, object))
        objects.push_back(std::move(object));
    size_t accessesBefore = a_.facts().accesses.size();
    analyzeKubernetesManifests(objects, known, a_.facts());
    if (a_.facts().accesses.size() > accessesBefore)
      if (ValuePtr cloud = clusterCloud(*blocks.front()))
        for (size_t i = accessesBefore; i < a_.facts().accesses.size(); ++i)
          if (hostedInCluster(a_.facts().accesses[i]))
            a_.facts().accesses[i].cloud = cloud;
  }
}
} // namespace

void extractSinks(Analyzer &analyzer, Instance &instance) {
  SinkExtractorImpl extractor(analyzer, instance);
  extractor.run();
}

} // namespace cloudpact::terraform
