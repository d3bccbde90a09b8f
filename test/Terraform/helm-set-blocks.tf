# `set` blocks (provider v2) and the `set` list (provider v3) override the values documents
# by path ("a.b[0].c"); the chart is matched by the suffix of an OCI/URL reference.
# RUN: %cloudpact facts %s | FileCheck %s

resource "helm_release" "v2" {
  name  = "stack"
  chart = "oci://registry.example.com/charts/vllm-stack"
  values = [yamlencode({
    servingEngineSpec = { modelSpec = [{ name = "a", modelURL = "meta-llama/Llama-3.1-8B-Instruct" }] }
  })]
  set {
    name  = "servingEngineSpec.modelSpec[0].modelURL"
    value = "openai/gpt-oss-20b"
  }
  set {
    name  = "servingEngineSpec.modelSpec[1].modelURL"
    value = "Qwen/Qwen3-8B"
  }
}
# CHECK-DAG: access hosting helm_release vllm-stack model="openai/gpt-oss-20b" {{.*}}@ {{.*}}helm-set-blocks.tf:13:13 subject=helm_release.v2
# CHECK-DAG: access hosting helm_release vllm-stack model="Qwen/Qwen3-8B" {{.*}}@ {{.*}}helm-set-blocks.tf:17:13 subject=helm_release.v2
# CHECK-NOT: Llama-3.1-8B

resource "helm_release" "v3" {
  name  = "stack3"
  chart = "vllm-stack"
  set = [
    { name = "servingEngineSpec.modelSpec[0].modelURL", value = "openai/gpt-oss-120b" },
  ]
}
# CHECK-DAG: access hosting helm_release vllm-stack model="openai/gpt-oss-120b" {{.*}}@ {{.*}}helm-set-blocks.tf:28:65 subject=helm_release.v3
