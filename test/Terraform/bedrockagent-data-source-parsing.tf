# RUN: not %cloudpact check %s 2>&1 | FileCheck %s '--implicit-check-not={{error|warning|note}}:'
# A knowledge-base data source that parses documents with a foundation model hosts that model.
provider "aws" {
  region = "eu-central-1"
}

resource "aws_bedrockagent_data_source" "pages" {
  knowledge_base_id = "KB12345678"
  name              = "pages"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::docs"
    }
  }
  vector_ingestion_configuration {
    parsing_configuration {
      parsing_strategy = "BEDROCK_FOUNDATION_MODEL"
      bedrock_foundation_model_configuration {
        model_arn = "arn:aws:bedrock:eu-central-1::foundation-model/openai.gpt-oss-120b-1:0"
      }
    }
  }
}
# CHECK: bedrockagent-data-source-parsing.tf:20:21: error: openai model 'arn:aws:bedrock:eu-central-1::foundation-model/openai.gpt-oss-120b-1:0' is hosted on aws in eu-central-1; the openai contract allows only azure, openai [exclusivity-hosting]
# CHECK: bedrockagent-data-source-parsing.tf:4:12: note: region of provider aws
# CHECK: 1 error, 0 warnings, 0 notes
