# GitHub Actions workflow commands, escaped by GitHub's rules.
# RUN: rm -rf %t && mkdir -p %t && cp %s %t/a,b.tf
# RUN: cd %t && not %cloudpact check --format github a,b.tf | FileCheck %s

variable "model" {
  default = "openai.gpt-oss-120b-1:0"
}

resource "aws_bedrockagent_agent" "a" {
  foundation_model = var.model
}

# CHECK: ::error file=a%2Cb.tf,line=10,col=22,endLine=10,endColumn=31,title=cloudpact exclusivity-hosting::openai model 'openai.gpt-oss-120b-1:0' is hosted on aws; the openai contract allows only azure, openai%0A  a,b.tf:6:13: default of variable model
