# dynamic blocks expand to one nested block per element; each variant is an access.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

variable "variants" {
  default = {
    fast  = "anthropic.claude-3-haiku-20240307-v1:0"
    smart = "openai.gpt-oss-120b-1:0"
  }
}
resource "aws_bedrockagent_prompt" "p" {
  name = "summarise"
  dynamic "variant" {
    for_each = var.variants
    content {
      name          = variant.key
      model_id      = variant.value
      template_type = "TEXT"
    }
  }
}
# CHECK: dynamic-block.tf:16:23: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws;
# CHECK: dynamic-block.tf:7:13: note: default of variable variants
# CHECK: 1 error, 0 warnings, 0 notes
