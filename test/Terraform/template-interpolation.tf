# String templates interpolate variables and locals; the model id is assembled from its parts.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "vendor" { default = "openai" }
locals { family = "gpt-oss" }
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = "${var.vendor}.${local.family}-120b-1:0"
}
# CHECK: template-interpolation.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: template-interpolation.tf:4:31: note: default of variable vendor
# CHECK: template-interpolation.tf:5:19: note: local family
