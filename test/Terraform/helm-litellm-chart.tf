# The LiteLLM proxy chart: proxy_config.model_list[].litellm_params.model; the provider
# prefix names the cloud (bedrock/ → aws, azure/ → azure) and is not part of the model id.
# RUN: %cloudpact facts %s | FileCheck %s --check-prefix=FACTS
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s --check-prefix=CHECK

resource "helm_release" "litellm" {
  name  = "litellm"
  chart = "oci://ghcr.io/berriai/litellm-helm"
  values = [yamlencode({
    proxy_config = {
      model_list = [
        {
          model_name     = "gpt-oss"
          litellm_params = { model = "bedrock/openai.gpt-oss-120b-1:0", aws_region_name = "us-west-2" }
        },
        {
          model_name     = "gpt-4o"
          litellm_params = { model = "azure/gpt-4o", api_base = "https://shop.openai.azure.com/" }
        },
      ]
    }
  })]
}
# FACTS-DAG: access call helm_release litellm-helm model=trimprefix("bedrock/openai.gpt-oss-120b-1:0", "bedrock/") endpoint=- region="us-west-2" provider=- cloud="aws" @ {{.*}}helm-litellm-chart.tf:14:38 subject=helm_release.litellm
# FACTS-DAG: access call helm_release litellm-helm model=trimprefix("azure/gpt-4o", "azure/") endpoint="https://shop.openai.azure.com/" region=- provider="openai" cloud="azure" @ {{.*}}helm-litellm-chart.tf:18:38 subject=helm_release.litellm
# CHECK: helm-litellm-chart.tf:14:38: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws in us-west-2; {{.*}}[exclusivity-call]
# CHECK: helm-litellm-chart.tf:14:91: note: value 'us-west-2'
# CHECK: 1 error, 0 warnings
