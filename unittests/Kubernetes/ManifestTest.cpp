#include "Kubernetes/Manifest.h"

#include <gtest/gtest.h>

using namespace cloudpact;
using namespace cloudpact::kubernetes;

namespace {

struct Loaded {
  std::vector<SourceFile> files;
  std::vector<Diagnostic> diagnostics;
  std::unique_ptr<Manifests> manifests;
};

Loaded load(std::vector<SourceFile> files) {
  Loaded loaded;
  loaded.files = std::move(files);
  std::vector<const SourceFile *> pointers;
  for (const SourceFile &file : loaded.files)
    pointers.push_back(&file);
  loaded.manifests = loadManifests(pointers, loaded.diagnostics);
  return loaded;
}

TEST(Manifest, RecognisesManifestsByTheirKeys) {
  EXPECT_TRUE(looksLikeManifest("apiVersion: v1\nkind: ConfigMap\n"));
  EXPECT_TRUE(looksLikeManifest("# c\n---\nkind: Pod\napiVersion: v1\n"));
  EXPECT_TRUE(looksLikeManifest("items:\n  - apiVersion: v1\n    kind: Pod\n"));
  EXPECT_TRUE(looksLikeManifest("{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}"));
  EXPECT_FALSE(looksLikeManifest("contracts:\n  openai: [azure]\n"));
  EXPECT_FALSE(looksLikeManifest("name: x\nkind: y\n"));               // no apiVersion
  EXPECT_FALSE(looksLikeManifest("description: apiVersion: and kind: in text\n"));
}

TEST(Manifest, ObjectsCarryKindNameAndNamespace) {
  auto loaded = load({{"m.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\n"
                                 "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: shop\n---\n"
                                 "just: data\n"}});
  const auto &objects = loaded.manifests->objects;
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0].group, "apps");
  EXPECT_EQ(objects[0].subject(), "Deployment default/web");
  EXPECT_EQ(objects[1].group, "");
  EXPECT_EQ(objects[1].subject(), "ConfigMap shop/cfg");
  EXPECT_TRUE(loaded.diagnostics.empty());
}

TEST(Manifest, ListItemsAreObjects) {
  auto loaded = load({{"l.yaml", "apiVersion: v1\nkind: List\nitems:\n"
                                 "  - apiVersion: v1\n    kind: Service\n    metadata: {name: a, namespace: x}\n"
                                 "  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: b}\n"}});
  const auto &objects = loaded.manifests->objects;
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0].subject(), "Service x/a");
  EXPECT_EQ(objects[1].subject(), "ConfigMap default/b");
}

TEST(Manifest, JsonFilesUseTheJsonGrammar) {
  auto loaded = load({{"p.json", R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}})"}});
  ASSERT_EQ(loaded.manifests->objects.size(), 1u);
  EXPECT_EQ(loaded.manifests->objects[0].subject(), "Pod default/p");
}

TEST(Manifest, HelmTemplateIsANoteNotAParseError) {
  auto loaded = load({{"templates/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                           "  name: {{ include \"x.fullname\" . }}\n"
                                           "  labels:\n    {{- include \"x.labels\" . | nindent 4 }}\n"}});
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].level, Level::Note);
  EXPECT_EQ(loaded.diagnostics[0].range.begin.line, 4u);
  EXPECT_EQ(loaded.diagnostics[0].range.begin.column, 9u);
  EXPECT_TRUE(loaded.manifests->objects.empty());
}

TEST(Manifest, HelmTemplateThatHappensToParse) {
  // `{{ .Values.replicas }}` is a valid YAML flow mapping: still a template.
  std::string text = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n";
  auto parsed = syntax::parseYaml(text, "t.yaml");
  auto marker = helmTemplateMarker(text, parsed);
  ASSERT_TRUE(marker.has_value());
  EXPECT_EQ(*marker, text.find("{{"));
}

TEST(Manifest, BracesInsideValuesAndCommentsAreNotTemplates) {
  std::string text = "apiVersion: v1\nkind: ConfigMap\n# {{ commented }}\ndata:\n"
                     "  alert: \"{{ $labels.instance }} is down\"\n"
                     "  rules: |\n    summary: {{ $value }}\n";
  auto parsed = syntax::parseYaml(text, "c.yaml");
  EXPECT_FALSE(helmTemplateMarker(text, parsed).has_value());
}

TEST(Manifest, MalformedDocumentKeepsTheOthers) {
  auto loaded = load({{"b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n---\n"
                                 "apiVersion: v1\nkind: [unclosed\n---\n"
                                 "apiVersion: v1\nkind: Secret\nmetadata: {name: also-good}\n"}});
  bool sawError = false;
  for (const Diagnostic &d : loaded.diagnostics)
    sawError |= d.level == Level::Error && d.range.begin.line >= 5;
  EXPECT_TRUE(sawError);
  std::vector<std::string> subjects;
  for (const Object &o : loaded.manifests->objects)
    subjects.push_back(o.subject());
  EXPECT_NE(std::find(subjects.begin(), subjects.end(), "ConfigMap default/good"), subjects.end());
  EXPECT_NE(std::find(subjects.begin(), subjects.end(), "Secret default/also-good"), subjects.end());
}

TEST(Manifest, PathsVisitSequenceItems) {
  auto parsed = syntax::parseYaml("a:\n  b:\n    - c: 1\n    - c: 2\n    - d: 3\n", "p.yaml");
  ASSERT_EQ(parsed.documents.size(), 1u);
  std::vector<const Node *> found;
  collect(&parsed.documents[0].root, "a.b[].c", found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1]->value, "2");
  found.clear();
  collect(&parsed.documents[0].root, "a.b[]", found);
  EXPECT_EQ(found.size(), 3u);
  EXPECT_EQ(at(&parsed.documents[0].root, "a.x.y"), nullptr);
}

TEST(Manifest, IndexSeparatesGroupsAndNamespaces) {
  auto loaded = load({{"i.yaml", "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: Backend\nmetadata: {name: b}\n---\n"
                                 "apiVersion: gateway.kgateway.dev/v1alpha1\nkind: Backend\nmetadata: {name: b, namespace: n}\n"}});
  Index index(loaded.manifests->objects);
  EXPECT_NE(index.find("gateway.envoyproxy.io", "Backend", "default", "b"), nullptr);
  EXPECT_EQ(index.find("gateway.kgateway.dev", "Backend", "default", "b"), nullptr);
  EXPECT_NE(index.find("gateway.kgateway.dev", "Backend", "n", "b"), nullptr);
  EXPECT_NE(index.find("*", "Backend", "n", "b"), nullptr);
}

} // namespace
