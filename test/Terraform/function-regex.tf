# regex with RE2 syntax (Terraform's): capture groups as a list, named groups as an object.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

locals {
  arn    = "arn:aws:bedrock:us-east-1::foundation-model/openai.gpt-oss-120b-1:0"
  model  = regex("foundation-model/(.+)$", local.arn)[0]
  parsed = regex("^(?P<vendor>[a-z]+)\\.(?P<name>.+)$", local.model)
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = "${local.parsed.vendor}.${local.parsed.name}"
}
# CHECK: function-regex.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
