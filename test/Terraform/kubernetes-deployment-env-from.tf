# Terraform-managed Kubernetes: env_from brings in every key of a ConfigMap (or Secret) the
# module manages, under the block's prefix; each variable reads the key's symbol. A ConfigMap
# the module does not manage has no keys to bring in.
# RUN: %cloudpact facts %s | FileCheck %s --implicit-check-not="assign env:"

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
# CHECK-DAG: assign env:OPENAI_BASE_URL = ref(k8s:shop/ConfigMap/llm#OPENAI_BASE_URL) @ {{.*}}kubernetes-deployment-env-from.tf:39:13 "env OPENAI_BASE_URL of kubernetes_deployment_v1.agent (env_from)"
# CHECK-DAG: assign env:OPENAI_MODEL = ref(k8s:shop/ConfigMap/llm#OPENAI_MODEL) @ {{.*}}kubernetes-deployment-env-from.tf:39:13 "env OPENAI_MODEL of kubernetes_deployment_v1.agent (env_from)"
# CHECK-DAG: assign env:AZURE_API_KEY = ref(k8s:shop/Secret/keys#API_KEY) @ {{.*}}kubernetes-deployment-env-from.tf:45:13 "env AZURE_API_KEY of kubernetes_deployment_v1.agent (env_from)"
