# helm_release values = [yamlencode({...})]: the vLLM production stack chart serves each
# servingEngineSpec.modelSpec[].modelURL; its cloud is not known from the chart.
# RUN: %cloudpact facts %s | FileCheck %s --check-prefix=FACTS
# RUN: %cloudpact check %s 2>&1 | FileCheck %s --check-prefix=CHECK

variable "model" {
  default = "openai/gpt-oss-120b"
}

resource "helm_release" "vllm" {
  name       = "vllm"
  repository = "https://vllm-project.github.io/production-stack"
  chart      = "vllm-stack"
  values = [yamlencode({
    servingEngineSpec = {
      modelSpec = [
        { name = "gptoss", modelURL = var.model },
        { name = "llama", modelURL = "meta-llama/Llama-3.1-8B-Instruct" },
      ]
    }
  })]
}
# FACTS-DAG: access hosting helm_release vllm-stack model=ref(tf:var.model) endpoint=- region=- provider=- cloud=- @ {{.*}}helm-values-yamlencode.tf:17:39 subject=helm_release.vllm
# FACTS-DAG: access hosting helm_release vllm-stack model="meta-llama/Llama-3.1-8B-Instruct" {{.*}}@ {{.*}}helm-values-yamlencode.tf:18:38 subject=helm_release.vllm
# CHECK: helm-values-yamlencode.tf:17:39: note: cannot check the route of this model access: the cloud is not known
# CHECK: helm-values-yamlencode.tf:7:13: note: default of variable model
# CHECK: 0 errors
