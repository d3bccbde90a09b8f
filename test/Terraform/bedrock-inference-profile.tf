# aws_bedrock_inference_profile: model_source { copy_from }. An Anthropic model on AWS is allowed.
# RUN: %cloudpact check %s | FileCheck --allow-empty --implicit-check-not={{.}} %s
# RUN: %cloudpact facts %s | FileCheck --check-prefix=FACTS %s

resource "aws_bedrock_inference_profile" "profile" {
  name = "profile"
  model_source {
    copy_from = "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"
  }
}
# FACTS: access hosting aws_bedrock_inference_profile model="arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0" {{.*}} @ {{.*}}bedrock-inference-profile.tf:[[@LINE-3]]:17 subject=aws_bedrock_inference_profile.profile implied=aws
