# String functions: lower, format, join, trimprefix, replace.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "family" { default = "GPT-OSS" }
locals {
  vendor = lower("OpenAI")
  model  = format("%s.%s-%s", local.vendor, lower(var.family), join("-", ["120b", "1:0"]))
  fixed  = replace(trimprefix("bedrock/openai.gpt_oss_20b-1:0", "bedrock/"), "_", "-")
}
resource "aws_bedrockagent_agent" "a" {
  agent_name       = "a"
  foundation_model = local.model
}
# CHECK: function-strings.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: function-strings.tf:4:31: note: default of variable family
resource "aws_bedrockagent_agent" "b" {
  agent_name       = "b"
  foundation_model = local.fixed
}
# CHECK: function-strings.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-20b-1:0' is hosted on aws;
