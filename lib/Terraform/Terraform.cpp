#include "Terraform/Terraform.h"

#include "Terraform/Analyzer.h"

namespace cloudpact::terraform {

void analyze(const std::vector<const SourceFile *> &files, const Options &options, Facts &out) {
  Analyzer analyzer(options, out);
  for (const SourceFile *file : files)
    if (file)
      analyzer.addFile(*file);
  analyzer.run();
}

} // namespace cloudpact::terraform
