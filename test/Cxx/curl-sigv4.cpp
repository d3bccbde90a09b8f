// RUN: %check_cloudpact %s %t
// RUN: cd %t.dir && %cloudpact facts -p . curl-sigv4.cpp | FileCheck --check-prefix=FACTS %s
// CURLOPT_AWS_SIGV4 "aws:amz:<region>:bedrock" signs the request for AWS: the cloud is AWS and
// the region is the third field, whatever host the URL names.
#include <curl/curl.h>
#include <string>

static const char *kSigning = "aws:amz:ap-southeast-2:bedrock";

int main() {
  CURL *handle = curl_easy_init();
  std::string url = "https://bedrock.internal.example.com";
  url += "/model/openai.gpt-oss-120b-1:0/invoke";
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_AWS_SIGV4, kSigning);
  // FACTS: assign {{.*}}@handle.CURLOPT_AWS_SIGV4 = ref(cxx:c:curl-sigv4.cpp@kSigning) @ curl-sigv4.cpp:[[@LINE-1]]:3 "passed as CURLOPT_AWS_SIGV4"
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, "{\"model\": \"openai.gpt-oss-120b-1:0\"}");
  return curl_easy_perform(handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: call to openai model 'openai.gpt-oss-120b-1:0' goes through aws (bedrock.internal.example.com) in ap-southeast-2; the openai contract allows only azure, openai [exclusivity-call]
  // FACTS: access call libcurl curl_easy_perform model=ref({{.*}}@handle.CURLOPT_POSTFIELDS)[model] endpoint=ref({{.*}}@handle.CURLOPT_URL) region="ap-southeast-2" provider=- cloud="aws" @ curl-sigv4.cpp:[[@LINE-2]]:10 subject=main
}
