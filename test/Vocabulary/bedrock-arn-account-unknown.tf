# RUN: not %cloudpact check %s 2>&1 | FileCheck %s '--implicit-check-not={{error|warning|note}}:'
# An inference-profile ARN whose account comes from a data source is still classified from its
# known parts; the finding says which part is unknown.
provider "aws" {
  region = "us-east-1"
}

data "aws_caller_identity" "current" {}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"
  foundation_model        = "arn:aws:bedrock:us-east-1:${data.aws_caller_identity.current.account_id}:inference-profile/us.openai.gpt-oss-120b-1:0"
}
# CHECK: bedrock-arn-account-unknown.tf:13:29: error: openai model 'arn:aws:bedrock:us-east-1:…:inference-profile/us.openai.gpt-oss-120b-1:0' is hosted on aws in us-east-1 (account unknown); the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: bedrock-arn-account-unknown.tf:5:12: note: region of provider aws
# CHECK: 1 error, 0 warnings, 0 notes
