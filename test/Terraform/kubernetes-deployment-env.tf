# Terraform-managed Kubernetes: container env becomes env:NAME (the variable as the workload
# sets it), config_map_key_ref reads the ConfigMap key's symbol, and ConfigMap data keys are
# k8s: symbols, as the Kubernetes frontend names them.
# RUN: %cloudpact facts %s | FileCheck %s

resource "kubernetes_config_map_v1" "llm" {
  metadata {
    name      = "llm-config"
    namespace = "shop"
  }
  data = {
    OPENAI_BASE_URL = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1"
  }
}
# CHECK-DAG: assign k8s:shop/ConfigMap/llm-config#OPENAI_BASE_URL = "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1" @ {{.*}}kubernetes-deployment-env.tf:12:23 "key OPENAI_BASE_URL of ConfigMap shop/llm-config"
resource "kubernetes_deployment" "chat" {
  metadata {
    name      = "chat-svc"
    namespace = "shop"
  }
  spec {
    template {
      metadata { labels = { app = "chat" } }
      spec {
        container {
          name  = "chat"
          image = "shop/chat:1.0"
          env {
            name  = "OPENAI_MODEL"
            value = "openai.gpt-oss-120b-1:0"
          }
# CHECK-DAG: assign env:OPENAI_MODEL = "openai.gpt-oss-120b-1:0" @ {{.*}}kubernetes-deployment-env.tf:[[@LINE-4]]:11 "env OPENAI_MODEL of kubernetes_deployment.chat"
          env {
            name = "OPENAI_BASE_URL"
            value_from {
              config_map_key_ref {
                name = "llm-config"
                key  = "OPENAI_BASE_URL"
              }
            }
          }
# CHECK-DAG: assign env:OPENAI_BASE_URL = ref(k8s:shop/ConfigMap/llm-config#OPENAI_BASE_URL) @ {{.*}}kubernetes-deployment-env.tf:[[@LINE-9]]:11 "env OPENAI_BASE_URL of kubernetes_deployment.chat"
        }
      }
    }
  }
}
