# `provider = aws.ALIAS` selects the aliased provider block: its region is the route's region.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}
resource "aws_bedrockagent_agent" "a" {
  provider         = aws.frankfurt
  agent_name       = "a"
  foundation_model = "openai.gpt-oss-120b-1:0"
}
# CHECK: provider-alias.tf:[[@LINE-2]]:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws in eu-central-1;
# CHECK: provider-alias.tf:9:12: note: region of provider aws.frankfurt
