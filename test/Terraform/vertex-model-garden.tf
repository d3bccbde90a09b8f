# Vertex AI Model Garden deployments: a Hugging Face OpenAI model on GCP is a finding, a Google
# publisher model is not; the resource's location is the region.
# RUN: not %cloudpact check %s 2>&1 | FileCheck %s

resource "google_vertex_ai_endpoint_with_model_garden_deployment" "oss" {
  location              = "us-central1"
  hugging_face_model_id = "openai/gpt-oss-120b"
  model_config {
    accept_eula = true
  }
}
# CHECK: vertex-model-garden.tf:[[@LINE-5]]:27: error: openai model 'openai/gpt-oss-120b' is hosted on gcp in us-central1;
# CHECK: vertex-model-garden.tf:[[@LINE-7]]:27: note: location of google_vertex_ai_endpoint_with_model_garden_deployment.oss
resource "google_vertex_ai_endpoint_with_model_garden_deployment" "gemma" {
  location             = "us-central1"
  publisher_model_name = "publishers/google/models/gemma3@gemma-3-1b-it"
}
# CHECK: 1 error, 0 warnings, 0 notes
