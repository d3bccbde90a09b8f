# A chart's container env list (env, extraEnv) and LiteLLM's envVars map set env:NAME, as a
# workload's env does; valueFrom.secretKeyRef reads the Secret key's symbol.
# RUN: %cloudpact facts %s | FileCheck %s

resource "helm_release" "app" {
  name      = "chat"
  namespace = "shop"
  chart     = "charts/chat-app"
  values = [yamlencode({
    env = [
      { name = "OPENAI_BASE_URL", value = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1" },
      { name = "OPENAI_API_KEY", valueFrom = { secretKeyRef = { name = "llm", key = "api-key" } } },
    ]
  })]
  set {
    name  = "extraEnv[0].name"
    value = "OPENAI_MODEL"
  }
  set {
    name  = "extraEnv[0].value"
    value = "openai.gpt-oss-120b-1:0"
  }
}
# CHECK-DAG: assign env:OPENAI_BASE_URL = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1" @ {{.*}}helm-env.tf:11:7 "env OPENAI_BASE_URL of helm_release.app"
# CHECK-DAG: assign env:OPENAI_API_KEY = ref(k8s:shop/Secret/llm#api-key) @ {{.*}}helm-env.tf:12:7 "env OPENAI_API_KEY of helm_release.app"
# CHECK-DAG: assign env:OPENAI_MODEL = "openai.gpt-oss-120b-1:0" @ {{.*}}helm-env.tf:{{[0-9]+}}:{{[0-9]+}} "env OPENAI_MODEL of helm_release.app"

resource "helm_release" "proxy" {
  name  = "proxy"
  chart = "litellm-helm"
  values = [yamlencode({ envVars = { AZURE_API_BASE = "https://shop.openai.azure.com/" } })]
}
# CHECK-DAG: assign env:AZURE_API_BASE = "https://shop.openai.azure.com/" @ {{.*}}helm-env.tf:[[@LINE-2]]:{{[0-9]+}} "env AZURE_API_BASE of helm_release.proxy"
