# RUN: not %cloudpact check %s 2>&1 | FileCheck %s '--implicit-check-not={{error|warning|note}}:'
# The awscc provider's Bedrock resources: object attributes rather than blocks, the region of
# the awscc provider.
provider "awscc" {
  region = "us-west-2"
}

resource "awscc_bedrock_agent" "support" {
  agent_name       = "support"
  foundation_model = "openai.gpt-oss-120b-1:0"
}
# CHECK: awscc-bedrock.tf:10:22: error: openai model 'openai.gpt-oss-120b-1:0' is hosted on aws in us-west-2; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: awscc-bedrock.tf:5:12: note: region of provider awscc

resource "awscc_bedrock_application_inference_profile" "team" {
  inference_profile_name = "team"
  model_source = {
    copy_from = "arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-20b-1:0"
  }
}
# CHECK: awscc-bedrock.tf:18:17: error: openai model 'arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-20b-1:0' is hosted on aws in us-west-2; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: awscc-bedrock.tf:5:12: note: region of provider awscc

resource "awscc_bedrock_prompt" "summary" {
  name = "summary"
  variants = [{
    name     = "default"
    model_id = "anthropic.claude-3-5-haiku-20241022-v1:0"
  }, {
    name     = "cheap"
    model_id = "us.openai.gpt-oss-20b-1:0"
  }]
}
# CHECK: awscc-bedrock.tf:31:16: error: openai model 'us.openai.gpt-oss-20b-1:0' is hosted on aws in us-west-2; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: awscc-bedrock.tf:5:12: note: region of provider awscc

resource "awscc_bedrock_knowledge_base" "docs" {
  name     = "docs"
  role_arn = "arn:aws:iam::123456789012:role/kb"
  knowledge_base_configuration = {
    type = "VECTOR"
    vector_knowledge_base_configuration = {
      embedding_model_arn = "arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
}

resource "awscc_bedrock_data_source" "pages" {
  name              = "pages"
  knowledge_base_id = awscc_bedrock_knowledge_base.docs.id
  vector_ingestion_configuration = {
    parsing_configuration = {
      parsing_strategy = "BEDROCK_FOUNDATION_MODEL"
      bedrock_foundation_model_configuration = {
        model_arn = "arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-120b-1:0"
      }
    }
  }
}
# CHECK: awscc-bedrock.tf:55:21: error: openai model 'arn:aws:bedrock:us-west-2::foundation-model/openai.gpt-oss-120b-1:0' is hosted on aws in us-west-2; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: awscc-bedrock.tf:5:12: note: region of provider awscc
# CHECK: 4 errors, 0 warnings, 0 notes
