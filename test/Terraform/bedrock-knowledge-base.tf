# aws_bedrockagent_knowledge_base: the embedding model, nested two blocks deep.
# RUN: %cloudpact facts %s | FileCheck %s

resource "aws_bedrockagent_knowledge_base" "kb" {
  name     = "kb"
  role_arn = "arn:aws:iam::123456789012:role/kb"
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
}
# CHECK: access hosting aws_bedrockagent_knowledge_base model="arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-embed-text-v2:0" {{.*}} @ {{.*}}bedrock-knowledge-base.tf:10:29 subject=aws_bedrockagent_knowledge_base.kb implied=aws
