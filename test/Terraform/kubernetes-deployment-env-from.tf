# Terraform-managed Kubernetes: env_from brings in every key of a ConfigMap (or Secret) the
# module manages, under the block's prefix; each variable reads the key's symbol. A ConfigMap
# the module does not manage has no keys to bring in.
# RUN: %cloudpact facts %s | FileCheck %s --implicit-check-not="assign env:"
# RUN: not %cloudpact check --color never %s 2>&1 | FileCheck --check-prefix=CALL %s
# The OpenAI client the container's environment configures is a call from the workload, as for
# a manifest (when no scanned code reads the variable itself).

resource "kubernetes_config_map" "llm" {
  metadata {
    name      = "llm"
    namespace = "shop"
  }
  data = {
    OPENAI_BASE_URL = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"
    OPENAI_MODEL    = "openai.gpt-oss-120b-1:0"
  }
}

resource "kubernetes_secret_v1" "keys" {
  metadata {
    name      = "keys"
    namespace = "shop"
  }
  data = {
    API_KEY = "x"
  }
}

resource "kubernetes_deployment_v1" "agent" {
  metadata {
    name      = "agent"
    namespace = "shop"
  }
  spec {
    template {
      spec {
        container {
          name  = "agent"
          image = "ghcr.io/example/agent:2.0"
          env_from {
            config_map_ref {
              name = "llm"
            }
          }
          env_from {
            prefix = "AZURE_"
            secret_ref {
              name = kubernetes_secret_v1.keys.metadata[0].name
            }
          }
          env_from {
            config_map_ref {
              name = "managed-elsewhere"
            }
          }
        }
      }
    }
  }
}
# CHECK-DAG: assign env:OPENAI_BASE_URL = ref(k8s:shop/ConfigMap/llm#OPENAI_BASE_URL) @ {{.*}}kubernetes-deployment-env-from.tf:42:13 "env OPENAI_BASE_URL of kubernetes_deployment_v1.agent (env_from)"
# CHECK-DAG: assign env:OPENAI_MODEL = ref(k8s:shop/ConfigMap/llm#OPENAI_MODEL) @ {{.*}}kubernetes-deployment-env-from.tf:42:13 "env OPENAI_MODEL of kubernetes_deployment_v1.agent (env_from)"
# CHECK-DAG: assign env:AZURE_API_KEY = ref(k8s:shop/Secret/keys#API_KEY) @ {{.*}}kubernetes-deployment-env-from.tf:48:13 "env AZURE_API_KEY of kubernetes_deployment_v1.agent (env_from)"
# CALL:      kubernetes-deployment-env-from.tf:42:13: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock-runtime.us-east-1.amazonaws.com) in us-east-1; the openai contract allows only azure, openai [exclusivity-call]
# CALL-NEXT:           config_map_ref {
# CALL:      kubernetes-deployment-env-from.tf:16:23: note: key OPENAI_MODEL of ConfigMap shop/llm
# CALL-NEXT: kubernetes-deployment-env-from.tf:15:23: note: key OPENAI_BASE_URL of ConfigMap shop/llm
# CALL:      1 error
