#!/usr/bin/env python3
"""Generates a synthetic repository for the whole-process benchmark.

Usage: generate.py OUT_DIR [--modules N] [--manifests N]
Each Terraform module has variables, tfvars, locals and Bedrock/Azure resources; each manifest
file has a ConfigMap, a Deployment reading it and a LiteLLM config. Deterministic for given sizes.
"""
import argparse
import os


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def terraform_module(root, i):
    d = os.path.join(root, "infra", f"svc{i:04d}")
    model = "openai.gpt-oss-120b-1:0" if i % 3 == 0 else "anthropic.claude-3-5-sonnet-20241022-v2:0"
    write(os.path.join(d, "variables.tf"), f'''variable "region" {{
  default = "us-east-{1 + i % 2}"
}}

variable "agent_model" {{
  type    = string
  default = "{model}"
}}

variable "chat" {{
  type = object({{ name = string, version = string }})
  default = {{ name = "gpt-4o", version = "2024-08-06" }}
}}
''')
    write(os.path.join(d, "main.tf"), f'''provider "aws" {{
  region = var.region
}}

locals {{
  prefix = "svc{i:04d}"
  tags   = {{ team = "team-{i % 17}", service = local.prefix }}
}}

resource "aws_bedrockagent_agent" "agent" {{
  agent_name       = "${{local.prefix}}-agent"
  foundation_model = var.agent_model
  tags             = local.tags
}}

resource "azurerm_cognitive_deployment" "chat" {{
  name                 = "${{local.prefix}}-chat"
  cognitive_account_id = "acct-{i}"
  model {{
    format  = "OpenAI"
    name    = var.chat.name
    version = var.chat.version
  }}
  sku {{
    name = "Standard"
  }}
}}
''')
    if i % 5 == 0:
        write(os.path.join(d, "terraform.tfvars"), 'agent_model = "us.openai.gpt-oss-20b-1:0"\n')


def manifest(root, i):
    url = ("https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1" if i % 4 == 0
           else f"https://res{i}.openai.azure.com/openai/v1")
    write(os.path.join(root, "deploy", f"app{i:04d}.yaml"), f'''apiVersion: v1
kind: ConfigMap
metadata:
  name: app{i}-config
  namespace: ns{i % 7}
data:
  OPENAI_BASE_URL: "{url}"
  OPENAI_MODEL: "gpt-4o-mini"
  config.yaml: |
    model_list:
      - model_name: chat
        litellm_params:
          model: azure/chat-{i}
          api_base: https://res{i}.openai.azure.com/
      - model_name: cheap
        litellm_params:
          model: bedrock/openai.gpt-oss-120b-1:0
          aws_region_name: us-east-1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app{i}
  namespace: ns{i % 7}
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/app{i}:1.0
          envFrom:
            - configMapRef:
                name: app{i}-config
          env:
            - name: LOG_LEVEL
              value: info
''')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--modules", type=int, default=500)
    parser.add_argument("--manifests", type=int, default=500)
    args = parser.parse_args()
    for i in range(args.modules):
        terraform_module(args.out, i)
    for i in range(args.manifests):
        manifest(args.out, i)


if __name__ == "__main__":
    main()
