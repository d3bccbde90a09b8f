# RUN: not %cloudpact check %s 2>&1 | FileCheck %s '--implicit-check-not={{error|warning|note}}:'
# A base URL whose host is unknown but whose path only Vertex AI uses: the path decides the
# destination, and the finding says the host is unknown.
variable "vertex_base" {
  description = "Base URL of the model endpoint, set per environment"
}

resource "kubernetes_deployment_v1" "chat" {
  metadata {
    name      = "chat"
    namespace = "shop"
  }
  spec {
    template {
      spec {
        container {
          name  = "chat"
          image = "ghcr.io/example/chat:1"
          env {
            name  = "OPENAI_BASE_URL"
            value = "${var.vertex_base}/v1/projects/shop-prod/locations/us-central1/endpoints/openapi"
          }
          env {
            name  = "OPENAI_MODEL"
            value = "openai/gpt-oss-120b-maas"
          }
        }
      }
    }
  }
}
# CHECK: path-shape-unknown-host.tf:21:21: error: call to openai model 'openai/gpt-oss-120b-maas' goes through gcp (host unknown); the openai contract allows only azure, openai [exclusivity-call]
# CHECK: path-shape-unknown-host.tf:25:21: note: value 'openai/gpt-oss-120b-maas'
# CHECK: path-shape-unknown-host.tf:4:1: note: variable vertex_base has no default
# CHECK: 1 error, 0 warnings, 0 notes
